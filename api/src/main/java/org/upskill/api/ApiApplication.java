package org.upskill.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The REST API, mounted at {@code /api} by the EAR. Versioned resources live under {@code /v1};
 * {@code /health} stays unversioned for load balancers and the start script. The OpenAPI document
 * is at {@code /api/openapi} and a browsable version at {@code /api/docs/}.
 */
@ApplicationPath("/")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Upskill API",
            version = "1",
            description =
                "Learning records for HR systems and the Upskill UI. Errors are RFC 9457"
                    + " problem details (application/problem+json)."),
    security = @SecurityRequirement(name = "keycloak"))
@SecurityScheme(
    securitySchemeName = "keycloak",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT",
    description = "An access token from Upskill's Keycloak realm")
public class ApiApplication extends Application {}
