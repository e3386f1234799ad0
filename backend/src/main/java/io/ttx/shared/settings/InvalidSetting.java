package io.ttx.shared.settings;

import java.util.List;

/** Required settings are missing or malformed: the first is the message, all of them are listed for the operator. */
class InvalidSetting extends RuntimeException {
    private final List<String> problems;

    InvalidSetting(List<String> problems) {
        super(problems.getFirst(), null, false, false);
        this.problems = List.copyOf(problems);
    }

    List<String> problems() {
        return problems;
    }
}
