package io.ttx.alerts.webhooks;

import io.ttx.shared.jobs.Lease;
import io.ttx.shared.jobs.LeasedJob;
import io.ttx.shared.jobs.Leases;
import reactor.core.publisher.Mono;

import java.time.Duration;

/** Retries webhook deliveries whose next attempt is due (one replica at a time). */
public class RetrySweep extends LeasedJob {
    private final WebhookDeliveries deliveries;
    private final int batchSize;

    public RetrySweep(WebhookDeliveries deliveries, Leases leases, Duration interval, int batchSize) {
        super("sweep:webhooks", interval, leases);
        this.deliveries = deliveries;
        this.batchSize = batchSize;
    }

    @Override
    protected Mono<?> runOnce(Lease lease) {
        return deliveries.retryDue(batchSize, lease.fence());
    }
}
