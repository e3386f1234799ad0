package io.ttx.brokerage.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The royalty account of one calendar year: its statements, the cumulative net sales and royalty due, and once closed
 * the true-up that lifts the year's royalty to the minimum annual royalty. A year closes once.
 */
public record RoyaltyYear(int year, List<RoyaltyStatement> statements, long netSales, long due, boolean closed,
        long trueUp) {

    public RoyaltyYear {
        statements = List.copyOf(statements);
    }

    static RoyaltyYear empty(int year) {
        return new RoyaltyYear(year, List.of(), 0, 0, false, 0);
    }

    /** The most recent statement: the answer to the buyer who filed it. */
    public Optional<RoyaltyStatement> lastStatement() {
        return statements.isEmpty() ? Optional.empty() : Optional.of(statements.get(statements.size() - 1));
    }

    /** What the year's royalty amounts to with its true-up. */
    public long total() {
        return due + trueUp;
    }

    RoyaltyYear filing(RoyaltyStatement statement) {
        List<RoyaltyStatement> all = new ArrayList<>(statements);
        all.add(statement);
        return new RoyaltyYear(year, all, netSales + statement.netSales(), due + statement.due(), false, 0);
    }

    RoyaltyYear closing(long trueUp) {
        return new RoyaltyYear(year, statements, netSales, due, true, trueUp);
    }
}
