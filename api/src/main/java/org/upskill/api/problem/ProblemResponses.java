package org.upskill.api.problem;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Puts the API's error contract into the OpenAPI document: a {@code Problem} schema (RFC 9457, with
 * the offending fields of invalid input) and, on every operation, a {@code default} response of
 * {@code application/problem+json} — every status an operation does not list is a problem.
 * Registered with {@code mp.openapi.filter}.
 */
public class ProblemResponses implements OASFilter {

  static final String REF = "#/components/schemas/Problem";

  @Override
  public Operation filterOperation(Operation operation) {
    if (operation.getResponses() != null && operation.getResponses().getDefaultValue() == null) {
      operation
          .getResponses()
          .setDefaultValue(
              OASFactory.createAPIResponse()
                  .description(
                      "A problem (RFC 9457): 400 invalid input (with the fields), 401 no token,"
                          + " 403 wrong role, 404 unknown, 409 conflict, 429 too many requests"
                          + " (with Retry-After), 503 the database failed under the request: nothing changed,"
                          + " try again (with Retry-After)")
                  .content(
                      OASFactory.createContent()
                          .addMediaType(
                              Problem.MEDIA_TYPE,
                              OASFactory.createMediaType()
                                  .schema(OASFactory.createSchema().ref(REF)))));
    }
    return operation;
  }

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getComponents() == null) {
      openAPI.setComponents(OASFactory.createComponents());
    }
    var text = OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.STRING));
    var field =
        OASFactory.createSchema()
            .type(java.util.List.of(Schema.SchemaType.OBJECT))
            .properties(Map.of("field", text, "detail", text));
    openAPI
        .getComponents()
        .addSchema(
            "Problem",
            OASFactory.createSchema()
                .type(java.util.List.of(Schema.SchemaType.OBJECT))
                .description("RFC 9457 problem details")
                .required(java.util.List.of("type", "title", "status"))
                .properties(
                    Map.of(
                        "type", text,
                        "title", text,
                        "status",
                            OASFactory.createSchema()
                                .type(java.util.List.of(Schema.SchemaType.INTEGER)),
                        "detail", text,
                        "instance", text,
                        "errors",
                            OASFactory.createSchema()
                                .type(java.util.List.of(Schema.SchemaType.ARRAY))
                                .items(field))));
  }
}
