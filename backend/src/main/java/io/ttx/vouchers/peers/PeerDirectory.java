package io.ttx.vouchers.peers;

import org.springframework.web.reactive.function.client.WebClient;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The peer platforms by the provinces they host, each with its client (one token cache and one circuit per peer). */
public final class PeerDirectory {
    private final Map<String, PeerClient> byRegion = new HashMap<>();
    private final List<PeerClient> all;

    public PeerDirectory(Peers peers, PeerProperties props, WebClient.Builder builder) {
        this.all = peers.peers().stream().map(p -> new PeerClient(p, props, builder)).toList();
        for (PeerClient c : all) {
            for (String region : c.peer().regions()) {
                if (byRegion.putIfAbsent(region, c) != null) throw new IllegalStateException("two peers host " + region + " (ttx.vouchers.peers)");
            }
        }
    }

    /** The peer hosting the province, if any. */
    public Optional<PeerClient> hosting(String province) {
        return Optional.ofNullable(byRegion.get(province));
    }

    public Optional<PeerClient> named(String name) {
        return all.stream().filter(c -> c.peer().name().equals(name)).findFirst();
    }
}
