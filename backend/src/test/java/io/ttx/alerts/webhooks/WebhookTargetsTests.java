package io.ttx.alerts.webhooks;

import io.ttx.alerts.WebhookRefused;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookTargetsTests {
    private final WebhookTargets strict = new WebhookTargets(false, Duration.ofSeconds(5));
    private final WebhookTargets testing = new WebhookTargets(true, Duration.ofSeconds(5));

    @Test
    void everyNonPublicRangeIsRefused() {
        for (String ip : List.of("127.0.0.1", "127.255.255.254", "0.0.0.0", "0.1.2.3", "10.0.0.1", "10.255.255.255", "172.16.0.1",
                "172.31.255.255", "192.168.0.1", "192.168.255.255", "100.64.0.1", "100.127.255.255", "169.254.169.254", "192.0.0.8",
                "198.18.0.1", "224.0.0.1", "240.0.0.1", "255.255.255.255", "::1", "::", "fc00::1", "fd12:3456::1", "fe80::1",
                "febf::1", "fec0::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:10.1.2.3", "64:ff9b::a00:1", "2002:c0a8:101::1")) {
            assertThat(WebhookTargets.nonPublic(address(ip))).as(ip).isTrue();
            refused(strict, "https://" + (ip.contains(":") ? "[" + ip + "]" : ip) + "/hook", WebhookRefused.ADDRESS_REFUSED);
        }
    }

    @Test
    void publicAddressesAreAllowed() {
        for (String ip : List.of("8.8.8.8", "1.1.1.1", "93.184.215.14", "100.63.255.255", "100.128.0.1", "172.15.255.255", "172.32.0.1",
                "192.167.1.1", "198.20.0.1", "2001:4860:4860::8888", "2606:4700::1111", "64:ff9b::808:808", "2002:808:808::1")) {
            assertThat(WebhookTargets.nonPublic(address(ip))).as(ip).isFalse();
        }
        StepVerifier.create(strict.check("https://8.8.8.8/hook?x=1")).assertNext(u -> assertThat(u.getHost()).isEqualTo("8.8.8.8")).verifyComplete();
        StepVerifier.create(strict.check("https://[2606:4700::1111]:8443/hook")).expectNextCount(1).verifyComplete();
    }

    @Test
    void onlyHttpsIsAccepted() {
        refused(strict, "http://8.8.8.8/hook", WebhookRefused.NOT_HTTPS);
        refused(strict, "ftp://8.8.8.8/hook", WebhookRefused.NOT_HTTPS);
        refused(strict, "javascript:alert(1)", WebhookRefused.NOT_HTTPS);
        refused(strict, "hooks.example.com/ttx", WebhookRefused.NOT_HTTPS);
        refused(strict, "https:///nohost", WebhookRefused.INVALID_URL);
        refused(strict, "https://user:pw@8.8.8.8/hook", WebhookRefused.INVALID_URL);
        refused(strict, "https://exa mple.com/", WebhookRefused.INVALID_URL);
    }

    @Test
    void namesAreResolvedAndLocalhostIsRefused() {
        refused(strict, "https://localhost:8443/hook", WebhookRefused.ADDRESS_REFUSED);
        refused(strict, "https://2130706433/hook", WebhookRefused.ADDRESS_REFUSED); // 127.0.0.1 as one number
        refused(strict, "https://no-such-host.invalid/hook", WebhookRefused.UNRESOLVABLE);
    }

    @Test
    void theTestSettingAdmitsPrivateTargetsButNeverPlainHttp() {
        StepVerifier.create(testing.check("https://127.0.0.1:8089/hook")).expectNextCount(1).verifyComplete();
        refused(testing, "http://127.0.0.1:8089/hook", WebhookRefused.NOT_HTTPS);
        StepVerifier.create(testing.check("https://10.0.0.1/hook")).expectNextCount(1).verifyComplete();
        refused(testing, "http://8.8.8.8/hook", WebhookRefused.NOT_HTTPS);
    }

    private static void refused(WebhookTargets targets, String url, String code) {
        StepVerifier.create(targets.check(url))
            .expectErrorSatisfies(e -> assertThat(e).as(url).isInstanceOfSatisfying(WebhookRefused.class, r -> assertThat(r.code()).isEqualTo(code)))
            .verify(Duration.ofSeconds(10));
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
