package io.ttx.alerts.web;

import io.ttx.alerts.SavedQuery;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Body of {@code POST /api/v1/saved-searches}: the query's rules are the search endpoint's, checked by the service. */
record CreateSavedSearchRequest(@NotBlank @Size(max = 100) String name, @NotNull @Valid SavedQuery query, @Valid @Nullable Webhook webhook) {

    record Webhook(@NotBlank @Size(max = 2000) String url) { }
}
