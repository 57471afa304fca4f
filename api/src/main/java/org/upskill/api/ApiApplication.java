package org.upskill.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The REST API, mounted at {@code /api} by the EAR. Versioned resources live under {@code /v1};
 * {@code /health} stays unversioned for load balancers and the start script.
 */
@ApplicationPath("/")
public class ApiApplication extends Application {}
