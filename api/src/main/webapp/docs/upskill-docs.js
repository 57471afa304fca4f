// Starts Swagger UI on the OpenAPI document that WildFly generates for this WAR.
window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: '/api/openapi',
    dom_id: '#swagger-ui',
    deepLinking: true,
    validatorUrl: null
  });
});
