package io.ttx.brokerage;

import io.ttx.testsupport.IntegrationTest;
import io.ttx.testsupport.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/** What the auction and tender ITs share: the people of a deal, the trade steps, and the clock reset after each test. */
abstract class TradeIT extends IntegrationTest {
    @Autowired
    MutableClock clock;

    DealSteps s;
    TradeSteps t;

    @BeforeEach
    void people() {
        s = new DealSteps(api);
        t = new TradeSteps(s, clock);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }
}
