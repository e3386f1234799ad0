package io.ttx.vouchers.peers;

import jakarta.validation.Valid;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.util.List;

/** {@code ttx.vouchers.peers}: the peer platforms of the voucher federation (none by default). */
@Validated
@ConfigurationProperties("ttx.vouchers")
public record Peers(@Valid List<PeerProperties.Peer> peers) {
    public Peers {
        peers = peers == null ? List.of() : List.copyOf(peers);
    }
}
