package io.ttx.vouchers;

import io.ttx.vouchers.VoucherWorld.Agency;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.ttx.vouchers.VoucherWorld.JIANGSU_ADMIN;
import static io.ttx.vouchers.VoucherWorld.ZHEJIANG_ADMIN;
import static io.ttx.vouchers.VoucherWorld.amount;
import static io.ttx.vouchers.VoucherWorld.redemption;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redemptions under real concurrent requests, asserted exactly: 1,000 attempts with distinct invoices on one voucher
 * take exactly its face value and its ledger sums to its redeemed value; 200 replays of one key make one redemption;
 * 50 keys racing for one invoice leave it to exactly one.
 */
class VoucherRedemptionConcurrencyIT extends VoucherIT {

    /** One answer: status, problem code (or ""), and the body. */
    record Answer(int status, String code, JsonNode body) { }

    /** Sends every (key, body) at once; an answer of 503 voucher-busy is sent again with the same key, as clients do. */
    List<Answer> concurrently(Agency agency, String voucherId, List<Map.Entry<String, String>> requests) {
        // as many connections as requests, so that all of them are in flight at once
        ConnectionProvider pool = ConnectionProvider.builder("redemptions").maxConnections(requests.size()).pendingAcquireTimeout(Duration.ofMinutes(2))
            .build();
        WebClient client = WebClient.builder().baseUrl("http://localhost:" + port).clientConnector(new ReactorClientHttpConnector(HttpClient.create(pool)))
            .codecs(c -> c.defaultCodecs().maxInMemorySize(1 << 20)).build();
        return Flux.fromIterable(requests).flatMap(r -> send(client, agency, voucherId, r.getKey(), r.getValue()), requests.size())
            .collectList().doFinally(x -> pool.dispose()).block(Duration.ofMinutes(5));
    }

    private Mono<Answer> send(WebClient client, Agency agency, String voucherId, String key, String body) {
        return client.post().uri("/api/v1/vouchers/{id}/redemptions", voucherId).header(HttpHeaders.AUTHORIZATION, agency.token())
            .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
            .exchangeToMono(r -> r.bodyToMono(JsonNode.class).map(j -> new Answer(r.statusCode().value(), j.has("code") ? j.get("code").asString() : "", j)))
            .flatMap(a -> a.status() == 503 ? send(client, agency, voucherId, key, body) : Mono.just(a));
    }

    @LocalServerPort
    int port;

    @Test
    void aThousandConcurrentRedemptionsNeverTakeMoreThanTheFaceValue() {
        String programme = world.programme("1000000.00", "0.00");
        Agency agency = world.agency("320000", JIANGSU_ADMIN);
        String voucher = world.voucher(programme, world.holder(), "300.00");
        Random random = new Random(14);
        List<Map.Entry<String, String>> requests = IntStream.range(0, 1000).mapToObj(i -> Map.entry(UUID.randomUUID().toString(),
            redemption("INV-" + i + "-" + UUID.randomUUID(), BigDecimal.valueOf(2 + random.nextInt(199), 2).toPlainString(), "TESTING_INSPECTION"))).toList();

        List<Answer> answers = concurrently(agency, voucher, requests);

        Map<String, Long> outcome = answers.stream().collect(Collectors.groupingBy(a -> a.status() + " " + a.code(), Collectors.counting()));
        assertThat(outcome.keySet()).as("only redemptions and exhaustion: %s", outcome).containsOnly("201 ", "409 voucher-exhausted");
        List<Answer> created = answers.stream().filter(a -> a.status() == 201).toList();
        BigDecimal subsidies = created.stream().map(a -> new BigDecimal(amount(a.body(), "subsidy"))).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(subsidies).as("1,000 attempts of up to 1.00 each exhaust 300.00 exactly").isEqualByComparingTo("300.00");
        JsonNode v = world.get(ZHEJIANG_ADMIN, "/api/v1/vouchers/" + voucher);
        assertThat(amount(v, "redeemed")).isEqualTo("300.00");
        assertThat(amount(v, "remaining")).isEqualTo("0.00");
        JsonNode ledger = world.get(ZHEJIANG_ADMIN, "/api/v1/vouchers/" + voucher + "/ledger").get("items");
        List<JsonNode> debits = ledger.valueStream().filter(e -> e.get("type").asString().equals("REDEEMED")).toList();
        assertThat(debits).hasSize(created.size());
        assertThat(debits.stream().map(e -> new BigDecimal(amount(e, "amount"))).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("300.00");
        assertThat(debits.stream().map(e -> e.get("redemptionId").asString()).distinct().count()).as("one debit per redemption").isEqualTo(created.size());
        assertThat(amount(world.get(ZHEJIANG_ADMIN, "/api/v1/voucher-programmes/" + programme), "redeemed")).isEqualTo("300.00");
    }

    @Test
    void twoHundredReplaysOfOneKeyMakeOneRedemption() {
        String programme = world.programme("1000000.00", "0.00");
        Agency agency = world.agency("320000", JIANGSU_ADMIN);
        String voucher = world.voucher(programme, world.holder(), "300.00");
        String body = redemption("INV-" + UUID.randomUUID(), "100.00", "TESTING_INSPECTION");
        List<Map.Entry<String, String>> requests = new ArrayList<>();
        for (int i = 0; i < 200; i++) requests.add(Map.entry("the-one-key", body));

        List<Answer> answers = concurrently(agency, voucher, requests);

        assertThat(answers).allSatisfy(a -> assertThat(a.status()).isEqualTo(201));
        assertThat(answers.stream().map(a -> a.body().get("id").asString()).distinct()).hasSize(1);
        JsonNode v = world.get(ZHEJIANG_ADMIN, "/api/v1/vouchers/" + voucher);
        assertThat(amount(v, "redeemed")).isEqualTo("50.00");
        assertThat(world.get(ZHEJIANG_ADMIN, "/api/v1/vouchers/" + voucher + "/ledger").get("items")).hasSize(2);
    }

    @Test
    void fiftyKeysRacingForOneInvoiceLeaveItToOne() {
        String programme = world.programme("1000000.00", "0.00");
        Agency agency = world.agency("320000", JIANGSU_ADMIN);
        String voucher = world.voucher(programme, world.holder(), "300.00");
        String body = redemption("INV-" + UUID.randomUUID(), "10.00", "TESTING_INSPECTION");
        List<Map.Entry<String, String>> requests = IntStream.range(0, 50).mapToObj(i -> Map.entry("key-" + i, body)).toList();

        Map<String, Long> outcome = concurrently(agency, voucher, requests).stream()
            .collect(Collectors.groupingBy(a -> a.status() + " " + a.code(), Collectors.counting()));

        assertThat(outcome).containsExactlyInAnyOrderEntriesOf(Map.of("201 ", 1L, "409 invoice-claimed", 49L));
        assertThat(amount(world.get(ZHEJIANG_ADMIN, "/api/v1/vouchers/" + voucher), "redeemed")).isEqualTo("5.00");
    }
}
