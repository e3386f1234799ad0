package io.ttx.brokerage;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * Settings of the brokerage capability ({@code ttx.brokerage.*}).
 *
 * @param commissionRate the platform's fee as a share of the contract value and of each royalty (default 0.05)
 * @param idleDays          days without a command after which an active deal is idle: its broker and the party expected
 *                          to act are notified (once per idle period), and the broker dashboard counts the days
 * @param idleSweepInterval how often the idle sweep looks for deals that went idle
 * @param repairInterval    how often the repair sweep looks for registers a crash left half-way
 * @param repairGrace       how old an unconfirmed reservation or a slot without its deal must be before the sweep acts
 * @param roomDocuments     most documents in one deal's room (409 limit-reached above)
 * @param roomMessages      most messages in one deal's room (409 limit-reached above)
 * @param auctionCloseInterval how often the closing job looks for auctions past their close (at most 2 s late)
 */
@Validated
@ConfigurationProperties("ttx.brokerage")
public record BrokerageProperties(@NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal commissionRate, @Positive int idleDays,
                                  @NotNull @DurationMin(millis = 1) Duration idleSweepInterval,
                                  @NotNull @DurationMin(millis = 1) Duration repairInterval,
                                  @NotNull @DurationMin(millis = 1) Duration repairGrace, @Positive int roomDocuments,
                                  @Positive int roomMessages,
                                  @NotNull @DurationMin(millis = 1) @DurationMax(seconds = 1) Duration auctionCloseInterval) {
}
