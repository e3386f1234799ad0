package io.ttx.vouchers;

import io.ttx.testsupport.IntegrationTest;
import io.ttx.testsupport.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/** What the voucher ITs share: the test clock (reset after each test, since admissions move it) and a {@link VoucherWorld}. */
abstract class VoucherIT extends IntegrationTest {
    @Autowired
    MutableClock clock;
    VoucherWorld world;

    @BeforeEach
    void world() {
        world = new VoucherWorld(api, clock);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }
}
