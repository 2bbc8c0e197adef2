package dev.phoenixkit.spring;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.json.JsonMapper;

/** With Jackson 3 (Spring Boot 4's default): the {@link PhoenixKitJacksonModule}, which Boot adds to its mapper. */
@AutoConfiguration(beforeName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnClass(JsonMapper.class)
public class PhoenixKitJacksonAutoConfiguration {
    /** @return the module */
    @Bean
    @ConditionalOnMissingBean
    public PhoenixKitJacksonModule phoenixKitJacksonModule() {
        return new PhoenixKitJacksonModule();
    }
}
