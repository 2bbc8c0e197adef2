package dev.phoenixkit.integrations.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoenixkit.integrations.ConnectionStatus;
import dev.phoenixkit.integrations.IntegrationData;
import dev.phoenixkit.integrations.ValidationResult;
import dev.phoenixkit.testkit.PhoenixKitTest;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code amazon_bedrock} strategy over loopback against the fake's {@code GET /foundation-models}. */
@PhoenixKitTest
class BedrockCheckTest {
    private static final String KEY = "ABSKfakebedrockkey0123456789";
    private static final String NOT_AUTHORISED = "Key authenticated but not authorised in eu-central-1 — allow"
            + " bedrock:CallWithBearerToken (and ListFoundationModels) on its IAM identity, or check the key was issued"
            + " for this region";

    private AwsFixture fixture;

    @BeforeEach
    void setUp(DataSource dataSource) {
        fixture = new AwsFixture(dataSource);
        fixture.aws.addBedrockKey(KEY).bedrockModels(42);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private ValidationResult validate(String key, String region) {
        return fixture.validate("amazon_bedrock", Map.of("api_key", key, "aws_region", region));
    }

    @Test
    void aKnownKeyPassesWithTheModelCatalogNoteOfItsRegion() {
        assertThat(validate(KEY, "eu-central-1"))
                .isEqualTo(ValidationResult.ok("Model catalog in eu-central-1: 42 (grants are configured separately)"));
        assertThat(fixture.aws.requestCount()).isEqualTo(1);
    }

    @Test
    void keyAndRegionAreTrimmed() {
        assertThat(validate("  " + KEY + "\n", " us-west-2 "))
                .isEqualTo(ValidationResult.ok("Model catalog in us-west-2: 42 (grants are configured separately)"));
    }

    @Test
    void anUnknownKeyIsInvalidCredentialsAfterOneCall() {
        assertThat(validate("ABSKwrong", "eu-central-1")).isEqualTo(ValidationResult.error("Invalid credentials"));
        assertThat(fixture.aws.requestCount()).isEqualTo(1);
    }

    @Test
    void aDeniedKeyIsToldAboutCallWithBearerToken() {
        fixture.aws.denyAccess(true);

        assertThat(validate(KEY, "eu-central-1")).isEqualTo(ValidationResult.error(NOT_AUTHORISED));
    }

    @Test
    void anyOtherStatusIsABedrockError() {
        fixture.aws.throttle(true);

        assertThat(validate(KEY, "eu-central-1")).isEqualTo(ValidationResult.error("Bedrock error 429"));
        assertThat(fixture.aws.requestCount()).isEqualTo(1);
    }

    @Test
    void missingKeyOrRegionIsRefusedWithoutACall() {
        assertThat(fixture.validate("amazon_bedrock", Map.of("aws_region", "eu-central-1")))
                .isEqualTo(ValidationResult.error("No credentials configured"));
        assertThat(validate(KEY, "  ")).isEqualTo(ValidationResult.error("Region is required"));
        assertThat(fixture.aws.requestCount()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"eu-central", "EU-CENTRAL-1", "eu-central-123", "evil.example.com/x", "e-central-1"})
    void aMalformedRegionIsRefusedBeforeAnyCall(String region) {
        assertThat(validate(KEY, region))
                .isEqualTo(ValidationResult.error("Invalid region format (expected e.g. eu-central-1)"));
        assertThat(fixture.aws.requestCount()).isZero();
    }

    @Test
    void aHungServiceGivesTheDeadlineMessage() {
        fixture.aws.hang(true);

        assertThat(fixture.impatient()
                        .validateCredentials("amazon_bedrock", Map.of("api_key", KEY, "aws_region", "eu-central-1")))
                .isEqualTo(ValidationResult.error("The service did not respond in time"));
    }

    @Test
    void anUnreachableServiceNamesTheRegion() {
        assertThat(fixture.unreachable()
                        .validateCredentials("amazon_bedrock", Map.of("api_key", KEY, "aws_region", "ap-south-2")))
                .isEqualTo(ValidationResult.error("Could not reach Bedrock in ap-south-2"));
    }

    @Test
    void theNoteIsStoredAsTheValidationStatusOfAConnection() {
        UUID uuid =
                fixture.integrations.addConnection("amazon_bedrock", "default").uuid();
        fixture.integrations.saveSetup(uuid, Map.of("api_key", KEY, "aws_region", "eu-central-1"));

        ValidationResult result = fixture.integrations.validateConnection(uuid);
        fixture.integrations.recordValidation(uuid, result);

        IntegrationData data = fixture.integrations.getCredentials(uuid.toString());
        assertThat(data.get("validation_status"))
                .isEqualTo("Model catalog in eu-central-1: 42 (grants are configured separately)");
        assertThat(data.status()).contains(ConnectionStatus.CONNECTED);
    }
}
