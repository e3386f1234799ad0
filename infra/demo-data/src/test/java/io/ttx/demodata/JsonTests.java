package io.ttx.demodata;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The hand-written JSON writer and reader, and the topic-file parser's error reporting. */
class JsonTests {
    @Test
    void writesOrderedObjectsWithoutNullMembersAndEscapesStrings() {
        Map<String, Object> body = Json.object("b", "引号\"\\\n\t\u0001", "a", null, "n", new BigDecimal("60.00"),
            "d", new BigDecimal("33.33"), "i", 7, "t", true, "l", List.of("x", 1));
        assertThat(Json.write(body)).isEqualTo("{\"b\":\"引号\\\"\\\\\\n\\t\\u0001\",\"n\":60,\"d\":33.33,\"i\":7,\"t\":true,\"l\":[\"x\",1]}");
    }

    @Test
    void readsWhatItWritesAndTypicalResponses() {
        Map<String, Object> body = Json.object("title", Json.object("zh", "锂电池", "en", "battery"), "trl", 6,
            "keywords", List.of("a", "b"), "open", false, "none", List.of());
        assertThat(Json.parse(Json.write(body))).isEqualTo(Map.of("title", Map.of("zh", "锂电池", "en", "battery"),
            "trl", new BigDecimal("6"), "keywords", List.of("a", "b"), "open", false, "none", List.of()));
        assertThat(Json.member(" {\"access_token\" : \"eyJ.x\", \"expires_in\": 299, \"scope\": null} ", "access_token")).isEqualTo("eyJ.x");
        assertThat(Json.member("{\"id\":\"ach_1\",\"x\":[1,{\"y\":\"\\u00e9\"}]}", "id")).isEqualTo("ach_1");
        assertThat(Json.member("not json", "id")).isNull();
        assertThat(Json.member("[1]", "id")).isNull();
        assertThat(Json.member("", "id")).isNull();
    }

    @Test
    void rejectsMalformedText() {
        for (String bad : List.of("{", "{\"a\" 1}", "[1,]", "\"open", "{} x", "tru")) {
            assertThatThrownBy(() -> Json.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void topicFilesReportWhatIsWrong() {
        assertThatThrownBy(() -> Topics.parse("x.txt", "[t] NEW_ENERGY\nipc: H01M 10/48\n"))
            .hasMessageContaining("x.txt [t]: missing 'industry'");
        assertThatThrownBy(() -> Topics.parse("x.txt", "stray line\n")).hasMessageContaining("unexpected line");
        assertThatThrownBy(() -> Topics.parse("x.txt", "[t] NO_SUCH_FIELD\n")).isInstanceOf(IllegalArgumentException.class);
    }
}
