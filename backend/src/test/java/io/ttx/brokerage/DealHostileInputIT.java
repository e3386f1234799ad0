package io.ttx.brokerage;

import io.ttx.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.ttx.brokerage.DealSteps.money;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every bound of the deal routes, attacked: each request gets its 4xx problem within one second, before the deal is
 * read or anything is written (the deal's version is unchanged afterwards).
 */
class DealHostileInputIT extends IntegrationTest {
    private static final String HUGE = "x".repeat(100_000);

    @Test
    void everyOversizedOrMalformedMemberIsRefusedFastAndNothingChanges() {
        DealSteps s = new DealSteps(api);
        String achievement = s.achievement();
        String id = s.opened(achievement, "EXCLUSIVE_LICENCE").get("id").asString();
        s.toNda(id);
        long version = s.get(s.admin, id).get("version").asLong();

        Map<String, Object[]> commands = new LinkedHashMap<>();
        commands.put("10,000 fields of use", new Object[] {terms("\"fieldOfUse\":" + list(10_000, "\"C38\""), ""), 400, "validation-failed"});
        commands.put("10,000 territories", new Object[] {terms("\"territory\":" + list(10_000, "\"330000\""), ""), 400, "validation-failed"});
        commands.put("a territory of 100,000 characters", new Object[] {terms("\"territory\":[\"" + HUGE + "\"]", ""), 400, "validation-failed"});
        commands.put("10,000 milestones", new Object[] {terms("", ",\"milestones\":" + list(10_000,
            "{\"name\":\"m\",\"amount\":" + money("1.00") + ",\"dueOn\":\"2027-01-01\"}")), 400, "validation-failed"});
        commands.put("10,000 royalty tiers", new Object[] {terms("", ",\"royaltyTiers\":" + list(10_000, "{\"rate\":\"0.01\"}")), 400, "validation-failed"});
        commands.put("a rate of 200,000 decimals", new Object[] {terms("", ",\"royaltyTiers\":[{\"rate\":\"0." + "0".repeat(200_000) + "1\"}]"), 400,
            "validation-failed"});
        commands.put("an upfront of 200,000 decimals", new Object[] {terms("", ",\"upfront\":{\"amount\":\"1." + "0".repeat(200_000) + "\",\"currency\":\"CNY\"}"),
            422, "invalid-amount"});
        commands.put("an upfront of 200,000 digits", new Object[] {terms("", ",\"upfront\":{\"amount\":\"1" + "0".repeat(200_000) + "\",\"currency\":\"CNY\"}"),
            422, "invalid-amount"});
        commands.put("an upfront beyond 10^13 yuan", new Object[] {terms("", ",\"upfront\":" + money("999999999999999.99")), 422, "invalid-term-sheet"});
        commands.put("an equity percentage of 100,000 characters", new Object[] {terms("", ",\"equityPercent\":\"" + "9".repeat(100_000) + "\""), 400,
            "validation-failed"});
        commands.put("a milestone name of 100,000 characters", new Object[] {terms("", ",\"milestones\":[{\"name\":\"" + HUGE + "\",\"amount\":"
            + money("1.00") + ",\"dueOn\":\"2027-01-01\"}]"), 400, "validation-failed"});
        commands.put("a signatory of 100,000 characters", new Object[] {"{\"type\":\"SIGN_NDA\",\"signatory\":\"" + HUGE + "\",\"ndaVersion\":\"v\"}", 400,
            "validation-failed"});
        commands.put("a reason of 100,000 characters", new Object[] {"{\"type\":\"WITHDRAW\",\"reason\":\"" + HUGE + "\"}", 400, "validation-failed"});
        commands.put("a broker organisation of 100,000 characters", new Object[] {"{\"type\":\"ASSIGN_BROKER\",\"brokerOrg\":\"" + HUGE + "\"}", 400,
            "validation-failed"});
        commands.put("a terms version of 10^30", new Object[] {"{\"type\":\"ACCEPT_TERMS\",\"termsVersion\":1" + "0".repeat(30) + "}", 400, "validation-failed"});
        commands.put("a year of 1e500000000", new Object[] {"{\"type\":\"CLOSE_ROYALTY_YEAR\",\"year\":1e500000000}", 400, "validation-failed"});
        commands.put("an unknown member", new Object[] {"{\"type\":\"CLAIM\",\"note\":\"x\"}", 400, "validation-failed"});
        commands.put("an unknown command", new Object[] {"{\"type\":\"DELETE\"}", 400, "validation-failed"});
        commands.forEach((attack, c) -> {
            long start = System.nanoTime();
            s.command(s.tto, id, version, (String) c[0]).expectStatus().isEqualTo((Integer) c[1]).expectBody().jsonPath("$.code").isEqualTo(c[2]);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as(attack).isLessThan(Duration.ofSeconds(1));
        });

        long start = System.nanoTime();
        api.post().uri("/api/v1/deals").header(HttpHeaders.AUTHORIZATION, DealSteps.otherBuyer()).contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"achievementId\":\"" + achievement + "\",\"intendedMode\":\"EXCLUSIVE_LICENCE\",\"message\":\"" + HUGE + "\"}").exchange()
            .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("message");
        api.post().uri("/api/v1/deals").header(HttpHeaders.AUTHORIZATION, DealSteps.otherBuyer()).contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"achievementId\":\"" + HUGE + "\",\"intendedMode\":\"EXCLUSIVE_LICENCE\"}").exchange()
            .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("achievementId");
        api.get().uri(u -> u.path("/api/v1/deals").queryParam("achievementId", "a".repeat(5_000)).build())
            .header(HttpHeaders.AUTHORIZATION, s.buyer).exchange().expectStatus().isBadRequest();
        api.get().uri(u -> u.path("/api/v1/deals").queryParam("cursor", "a".repeat(5_000)).build())
            .header(HttpHeaders.AUTHORIZATION, s.buyer).exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].code").isEqualTo("invalid-cursor");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        assertThat(s.get(s.admin, id).get("version").asLong()).isEqualTo(version);
    }

    private static String terms(String replacing, String extra) {
        String codes = replacing.startsWith("\"fieldOfUse\"") ? replacing + ",\"territory\":[\"330000\"]"
            : replacing.startsWith("\"territory\"") ? "\"fieldOfUse\":[\"C38\"]," + replacing : "\"fieldOfUse\":[\"C38\"],\"territory\":[\"330000\"]";
        return "{\"type\":\"PROPOSE_TERMS\",\"termSheet\":{\"transferMode\":\"EXCLUSIVE_LICENCE\"," + codes + ",\"termStart\":\"2026-01-01\"" + extra + "}}";
    }

    private static String list(int n, String item) {
        return "[" + String.join(",", Collections.nCopies(n, item)) + "]";
    }
}
