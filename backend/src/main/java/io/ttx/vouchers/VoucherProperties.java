package io.ttx.vouchers;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Settings of the voucher capability ({@code ttx.vouchers.*}).
 *
 * @param noticePeriod how long an agency's application is under public notice before it may be admitted (7 days;
 *                     {@code scripts/run-local.sh} shortens it to 10 seconds)
 * @param expirySweepInterval how often the expiry sweep looks for vouchers past their last valid day
 * @param redemptionTimeout   how long a redemption's request may stay silent before a replay of its key or the recovery
 *                            takes its decision over (30 s)
 * @param recoveryInterval    how often the leased recovery looks for such redemptions and for unfinished refunds
 * @param authorizationTtl    how long a peer's authorization waits for its capture before the issuer voids it (15 min)
 */
@Validated
@ConfigurationProperties("ttx.vouchers")
public record VoucherProperties(@NotNull @DurationMin(seconds = 1) Duration noticePeriod,
                                @NotNull @DurationMin(millis = 100) Duration expirySweepInterval,
                                @NotNull @DurationMin(millis = 100) Duration redemptionTimeout,
                                @NotNull @DurationMin(millis = 100) Duration recoveryInterval,
                                @NotNull @DurationMin(seconds = 1) Duration authorizationTtl) {
}
