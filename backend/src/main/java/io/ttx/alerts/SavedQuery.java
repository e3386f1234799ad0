package io.ttx.alerts;

import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.util.List;

/**
 * The filters of a saved search: the parameters of {@code GET /api/v1/search/achievements} without sort, cursor and
 * size. Stored as given (missing lists become empty); checked by the search endpoint's own rules through
 * {@link #asParameters()}, so a saved search accepts exactly what a search accepts. The sizes bound the body as sent
 * (400, the contract's maxItems and maxLength), before the search rules look at any value.
 */
public record SavedQuery(@Nullable @Size(max = 256) String q, @Size(max = 8) List<@Size(max = 40) String> field,
                         @Size(max = 20) List<@Size(max = 50) String> ipc, @Nullable Integer trlMin, @Nullable Integer trlMax,
                         @Size(max = 20) List<@Size(max = 6) String> region, @Size(max = 7) List<@Size(max = 40) String> transferMode,
                         @Size(max = 4) List<@Size(max = 40) String> tradeMethod, @Nullable @Size(max = 32) String priceMin,
                         @Nullable @Size(max = 32) String priceMax, @Nullable @Size(max = 18) String owner) {

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
