package io.ttx.valuation;

import io.ttx.catalogue.CatalogueTestSteps;
import io.ttx.testsupport.IntegrationTest;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import java.util.LinkedHashMap;
import java.util.Map;

import static io.ttx.valuation.ValuationSteps.*;

/**
 * Every role on every valuation route, allowed and denied, on a draft (hidden from other organisations: 404 for the
 * roles that could otherwise act) and on a published listing (403). "owner-researcher" is a researcher of the owning
 * organisation; the demo "researcher" belongs to another organisation.
 */
class ValuationAccessIT extends IntegrationTest {

    /** client -> expected statuses: create, list, get, report, publish, evaluate, list evaluations. */
    private static final Map<String, int[]> ON_A_DRAFT = new LinkedHashMap<>();
    private static final Map<String, int[]> ON_A_PUBLISHED_LISTING = new LinkedHashMap<>();

    static {
        //                                       create list get  report publish evaluate evaluations
        ON_A_DRAFT.put("tto", new int[]             {201, 200, 200, 200, 200, 403, 200});
        ON_A_DRAFT.put("owner-researcher", new int[]{403, 200, 200, 200, 403, 403, 200});
        ON_A_DRAFT.put("tto-2", new int[]           {404, 404, 404, 404, 404, 403, 404});
        ON_A_DRAFT.put("researcher", new int[]      {403, 404, 404, 404, 403, 403, 404});
        ON_A_DRAFT.put("researcher-2", new int[]    {403, 404, 404, 404, 403, 403, 404});
        ON_A_DRAFT.put("enterprise", new int[]      {403, 403, 403, 403, 403, 403, 403});
        ON_A_DRAFT.put("agency", new int[]          {403, 403, 403, 403, 403, 403, 403});
        ON_A_DRAFT.put("region-admin-330000", new int[]{403, 403, 403, 403, 403, 403, 403});
        ON_A_DRAFT.put("broker", new int[]          {201, 200, 200, 200, 403, 403, 200});
        ON_A_DRAFT.put("evaluator", new int[]       {201, 200, 200, 200, 403, 201, 200});
        ON_A_DRAFT.put("admin", new int[]           {201, 200, 200, 200, 403, 201, 200});
        ON_A_DRAFT.put("auditor", new int[]         {403, 200, 200, 200, 403, 403, 200});

        ON_A_PUBLISHED_LISTING.put("tto", new int[]             {201, 200, 200, 200, 200, 403, 200});
        ON_A_PUBLISHED_LISTING.put("owner-researcher", new int[]{403, 200, 200, 200, 403, 403, 200});
        ON_A_PUBLISHED_LISTING.put("tto-2", new int[]           {403, 403, 403, 403, 403, 403, 403});
        ON_A_PUBLISHED_LISTING.put("researcher", new int[]      {403, 403, 403, 403, 403, 403, 403});
        ON_A_PUBLISHED_LISTING.put("researcher-2", new int[]    {403, 403, 403, 403, 403, 403, 403});
        ON_A_PUBLISHED_LISTING.put("enterprise", new int[]      {403, 403, 403, 403, 403, 403, 403});
        ON_A_PUBLISHED_LISTING.put("enterprise-2", new int[]    {403, 403, 403, 403, 403, 403, 403});
        ON_A_PUBLISHED_LISTING.put("agency", new int[]          {403, 403, 403, 403, 403, 403, 403});
        ON_A_PUBLISHED_LISTING.put("broker", new int[]          {201, 200, 200, 200, 403, 403, 200});
        ON_A_PUBLISHED_LISTING.put("evaluator", new int[]       {201, 200, 200, 200, 403, 201, 200});
        ON_A_PUBLISHED_LISTING.put("admin", new int[]           {201, 200, 200, 200, 403, 201, 200});
        ON_A_PUBLISHED_LISTING.put("auditor", new int[]         {403, 200, 200, 200, 403, 403, 200});
    }

    @Test
    void onADraft() {
        check(CatalogueTestSteps.draft(api, bearer("tto")), ON_A_DRAFT);
    }

    @Test
    void onAPublishedListing() {
        check(CatalogueTestSteps.published(api, bearer("tto"), bearer("broker")), ON_A_PUBLISHED_LISTING);
    }

    @Test
    void anonymousCallersAreUnauthenticated() {
        String achievement = CatalogueTestSteps.draft(api, bearer("tto"));
        String valuation = value(api, bearer("tto"), achievement, DCF).get("id").asString();
        for (String path : new String[] {"/api/v1/achievements/" + achievement + "/valuations", "/api/v1/valuations/" + valuation,
            "/api/v1/valuations/" + valuation + "/report", "/api/v1/achievements/" + achievement + "/evaluations"}) {
            api.get().uri(path).exchange().expectStatus().isUnauthorized();
        }
        api.post().uri("/api/v1/valuations/" + valuation + "/publication").exchange().expectStatus().isUnauthorized();
    }

    private void check(String achievement, Map<String, int[]> expected) {
        String valuation = value(api, bearer("tto"), achievement, DCF).get("id").asString();
        SoftAssertions soft = new SoftAssertions();
        expected.forEach((client, s) -> {
            String token = client.equals("owner-researcher") ? ownerColleague(api, "researcher") : bearer(client);
            soft.assertThat(status(HttpMethod.POST, token, "/api/v1/achievements/" + achievement + "/valuations", DCF))
                .as(client + " creates").isEqualTo(s[0]);
            soft.assertThat(status(HttpMethod.GET, token, "/api/v1/achievements/" + achievement + "/valuations", null))
                .as(client + " lists").isEqualTo(s[1]);
            soft.assertThat(status(HttpMethod.GET, token, "/api/v1/valuations/" + valuation, null)).as(client + " gets").isEqualTo(s[2]);
            soft.assertThat(status(HttpMethod.GET, token, "/api/v1/valuations/" + valuation + "/report", null))
                .as(client + " reads the report").isEqualTo(s[3]);
            soft.assertThat(status(HttpMethod.POST, token, "/api/v1/valuations/" + valuation + "/publication", null))
                .as(client + " publishes").isEqualTo(s[4]);
            soft.assertThat(status(HttpMethod.POST, token, "/api/v1/achievements/" + achievement + "/evaluations", SCORES))
                .as(client + " evaluates").isEqualTo(s[5]);
            soft.assertThat(status(HttpMethod.GET, token, "/api/v1/achievements/" + achievement + "/evaluations", null))
                .as(client + " lists evaluations").isEqualTo(s[6]);
        });
        soft.assertAll();
    }

    private int status(HttpMethod method, String token, String path, String json) {
        return call(api, method, token, path, json).returnResult(String.class).getStatus().value();
    }
}
