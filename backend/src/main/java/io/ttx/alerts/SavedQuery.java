package io.ttx.alerts;

import org.jspecify.annotations.Nullable;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.util.List;

/**
 * The filters of a saved search: the parameters of {@code GET /api/v1/search/achievements} without sort, cursor and
 * size. Stored as given (missing lists become empty); checked by the search endpoint's own rules through
 * {@link #asParameters()}, so a saved search accepts exactly what a search accepts.
 */
public record SavedQuery(@Nullable String q, List<String> field, List<String> ipc, @Nullable Integer trlMin,
                         @Nullable Integer trlMax, List<String> region, List<String> transferMode, List<String> tradeMethod,
                         @Nullable String priceMin, @Nullable String priceMax, @Nullable String owner) {

    public SavedQuery {
        field = field == null ? List.of() : List.copyOf(field);
        ipc = ipc == null ? List.of() : List.copyOf(ipc);
        region = region == null ? List.of() : List.copyOf(region);
        transferMode = transferMode == null ? List.of() : List.copyOf(transferMode);
        tradeMethod = tradeMethod == null ? List.of() : List.copyOf(tradeMethod);
    }

    /** The query as search request parameters. */
    public MultiValueMap<String, String> asParameters() {
        MultiValueMap<String, String> p = new LinkedMultiValueMap<>();
        if (q != null) p.add("q", q);
        field.forEach(v -> p.add("field", v));
        ipc.forEach(v -> p.add("ipc", v));
        if (trlMin != null) p.add("trlMin", String.valueOf(trlMin));
        if (trlMax != null) p.add("trlMax", String.valueOf(trlMax));
        region.forEach(v -> p.add("region", v));
        transferMode.forEach(v -> p.add("transferMode", v));
        tradeMethod.forEach(v -> p.add("tradeMethod", v));
        if (priceMin != null) p.add("priceMin", priceMin);
        if (priceMax != null) p.add("priceMax", priceMax);
        if (owner != null) p.add("owner", owner);
        return p;
    }
}
