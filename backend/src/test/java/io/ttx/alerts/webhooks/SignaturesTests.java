package io.ttx.alerts.webhooks;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class SignaturesTests {

    @Test
    void signsTimestampDotBodyWithTheWholeSecretAsKey() {
        // vector computed independently: printf '1700000000.{"id":"whd_1"}' | openssl dgst -sha256 -hmac 'whsec_test-secret'
        String header = Signatures.header("whsec_test-secret", 1_700_000_000L, "{\"id\":\"whd_1\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(header).isEqualTo("t=1700000000,v1=1311115a5b70fe5b6c739e17d13bf3fee49e99485455734ffc11d7be2d6a2f5c");
    }

    @Test
    void secretsAreWhsecAnd32RandomBytesInBase64Url() {
        String a = Signatures.newSecret();
        assertThat(a).matches("whsec_[A-Za-z0-9_-]{43}");
        assertThat(a).isNotEqualTo(Signatures.newSecret());
    }
}
