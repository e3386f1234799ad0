package io.ttx.valuation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A scorecard as an evaluator sends it: all six scores (integers; a missing or non-integer score is a 400, a score
 * outside 0..100 a 422 {@code invalid-score}) and an optional rationale per criterion (at most 4,000 characters).
 */
public record EvaluationInput(@NotNull @Valid Scores scores, @Nullable @Valid Rationale rationale) {

    public record Scores(@NotNull Integer scientific, @NotNull Integer technical, @NotNull Integer economic,
                         @NotNull Integer social, @NotNull Integer cultural, @NotNull Integer transferPotential) { }

    public record Rationale(@Nullable @Size(max = 4000) String scientific, @Nullable @Size(max = 4000) String technical,
                            @Nullable @Size(max = 4000) String economic, @Nullable @Size(max = 4000) String social,
                            @Nullable @Size(max = 4000) String cultural, @Nullable @Size(max = 4000) String transferPotential) { }
}
