package io.ttx.search;

import io.ttx.catalogue.TechField;
import io.ttx.catalogue.TradeMethod;
import io.ttx.catalogue.TransferMode;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.util.List;

/** A validated achievements search: text, facet filters (OR within a facet, AND across), range filters, order, page. */
public record SearchQuery(String text, List<TechField> fields, List<String> ipc, @Nullable Integer trlMin, @Nullable Integer trlMax,
                          List<String> regions, List<TransferMode> transferModes, List<TradeMethod> tradeMethods,
                          @Nullable BigDecimal priceMin, @Nullable BigDecimal priceMax, @Nullable String owner, Sort sort,
                          @Nullable String cursor, int size) {

    public enum Sort { RELEVANCE, NEWEST, PRICE }
}
