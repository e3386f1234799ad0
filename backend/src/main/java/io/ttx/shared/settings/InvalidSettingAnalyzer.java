package io.ttx.shared.settings;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns {@link InvalidSetting} into Boot's start-up failure report: {@code APPLICATION FAILED TO START}, the first
 * problem as the description (one line), and what to set as the action, without a stack trace.
 */
class InvalidSettingAnalyzer extends AbstractFailureAnalyzer<InvalidSetting> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidSetting cause) {
        String action = "Set the environment variables of the prod profile (docs/operations.md)."
            + (cause.problems().size() > 1 ? " Also: " + String.join("; ", cause.problems().subList(1, cause.problems().size())) + "." : "");
        return new FailureAnalysis(cause.getMessage(), action, cause);
    }
}
