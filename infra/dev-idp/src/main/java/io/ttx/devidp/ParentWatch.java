package io.ttx.devidp;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;

/** Child-process mode (integration tests): exit when the parent closes our stdin, i.e. when the parent died. */
@Component
@ConditionalOnProperty(name = "ttx.idp.exit-on-stdin-eof", havingValue = "true")
class ParentWatch {
    private final ConfigurableApplicationContext context;

    ParentWatch(ConfigurableApplicationContext context) {
        this.context = context;
    }

    @EventListener(ApplicationReadyEvent.class)
    void watch() {
        Thread t = new Thread(() -> {
            try (InputStream in = System.in) {
                while (in.read() >= 0) {
                    // EOF is the only signal we wait for
                }
            } catch (IOException ignored) {
                // treated as EOF
            }
            System.exit(org.springframework.boot.SpringApplication.exit(context));
        }, "dev-idp-parent-watch");
        t.setDaemon(true);
        t.start();
    }
}
