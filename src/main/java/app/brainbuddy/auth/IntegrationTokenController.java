package app.brainbuddy.auth;

import app.brainbuddy.user.IntegrationGrant;
import app.brainbuddy.user.User;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class IntegrationTokenController {

    private final IntegrationTokenService integrations;

    IntegrationTokenController(IntegrationTokenService integrations) {
        this.integrations = integrations;
    }

    @MutationMapping
    IntegrationTokenPayload createIntegrationToken(@Argument @Valid CreateIntegrationTokenInput input) {
        return integrations.create(input);
    }

    @MutationMapping
    String revokeIntegrationToken(@Argument String id) {
        return integrations.revoke(id);
    }

    @SchemaMapping(typeName = "User")
    List<IntegrationGrant> integrations(User user) {
        return integrations.integrationsOf(user);
    }
}
