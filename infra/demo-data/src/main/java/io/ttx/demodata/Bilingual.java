package io.ttx.demodata;

import java.util.Map;
import java.util.Objects;

/** A text in Chinese and English; every demo record carries both, which is what search tests in either language need. */
public record Bilingual(String zh, String en) {
    public Bilingual {
        Objects.requireNonNull(zh, "zh");
        Objects.requireNonNull(en, "en");
    }

    /** The API's localized-text shape: {@code {"zh": ..., "en": ...}}. */
    Map<String, Object> body() {
        return Json.object("zh", zh, "en", en);
    }

    /** Both languages as one free-text field value (the API's single-language fields), Chinese first. */
    String joined() {
        return zh + "\n" + en;
    }
}
