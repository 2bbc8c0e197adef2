package dev.phoenixkit.spring.app;

import dev.phoenixkit.integrations.Connection;
import dev.phoenixkit.integrations.Integrations;
import dev.phoenixkit.integrations.ValidationResult;
import dev.phoenixkit.integrations.provider.ProviderRegistry;
import dev.phoenixkit.testkit.fake.FakeProviderServer;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A host web application as a user writes it: auto-configuration only, plus the host's own controller returning the
 * library's values; its provider registry points at the fake provider server.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class WebApp {
    /** The fake provider server every web test of this JVM talks to. */
    public static final FakeProviderServer FAKE = FakeProviderServer.start();

    /** @return the built-ins pointed at the fake server (a host bean: the auto-configured registry backs off) */
    @Bean
    ProviderRegistry providerRegistry() {
        return FAKE.providerRegistry();
    }

    /** The host's own endpoints (registered as a member of this configuration). */
    @RestController
    public static class HostController {
        private final Integrations integrations;

        public HostController(Integrations integrations) {
            this.integrations = integrations;
        }

        @GetMapping("/host/connections")
        public List<Connection> connections() {
            return integrations.listIntegrations();
        }

        @GetMapping("/host/connections/{ref}")
        public Connection connection(@PathVariable String ref) {
            return integrations.getIntegrationByUuid(integrations.resolveToUuid(ref));
        }

        @GetMapping("/host/validate/{uuid}")
        public ValidationResult validate(@PathVariable UUID uuid) {
            return integrations.validateConnection(uuid);
        }

        @PostMapping("/host/add/{provider}/{name}")
        public Connection add(@PathVariable String provider, @PathVariable String name) {
            return integrations.addConnection(provider, name);
        }
    }
}
