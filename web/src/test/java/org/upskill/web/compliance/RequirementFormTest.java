package org.upskill.web.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.upskill.compliance.entity.RenewalRule;

class RequirementFormTest {

  static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

  static RequirementForm form(Map<String, String> fields) {
    var request =
        (HttpServletRequest)
            Proxy.newProxyInstance(
                RequirementFormTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) ->
                    method.getName().equals("getParameter") ? fields.get((String) args[0]) : null);
    return RequirementForm.from(request);
  }

  static Map<String, String> valid() {
    var fields = new HashMap<String, String>();
    fields.put("name", "Information governance");
    fields.put("course", " gdpr-ds ");
    fields.put("renewal", "MONTHS");
    fields.put("months", "12");
    fields.put("graceDays", "");
    fields.put("newcomerDueDays", "30");
    return fields;
  }

  @Test
  void aValidFormBecomesADefinition() {
    var form = form(valid());
    assertEquals(Map.of(), form.errors(VALIDATOR));
    var definition = form.definition();
    assertEquals(RenewalRule.everyMonths(12, 0), definition.rule());
    assertEquals("gdpr-ds", definition.courseCode());
    assertEquals(30, definition.newcomerDueDays());
  }

  @Test
  void everyMistakeIsNamedInTheFormsOrder() {
    var errors =
        form(Map.of("renewal", "WEEKLY", "months", "ten", "graceDays", "x")).errors(VALIDATOR);
    assertEquals(
        List.of("name", "course", "renewal", "months", "graceDays"), List.copyOf(errors.keySet()));
  }

  @Test
  void theRenewalRuleIsCheckedAsAWhole() {
    var fields = valid();
    fields.put("renewal", "ANNUAL_DATE");
    fields.put("anchorMonth", "4");
    fields.put("anchorDay", "31");
    assertTrue(form(fields).errors(VALIDATOR).containsKey("anchorDay"), "31 April");
    fields.put("anchorDay", "1");
    fields.put("graceDays", "400");
    assertEquals(List.of("graceDays"), List.copyOf(form(fields).errors(VALIDATOR).keySet()));
    fields.put("graceDays", "14");
    assertEquals(RenewalRule.annualOn(4, 1, 14), form(fields).definition().rule());
    fields.put("renewal", "MONTHS");
    fields.put("months", "0");
    assertTrue(form(fields).errors(VALIDATOR).containsKey("months"));
  }

  @Test
  void aTamperedIdIsRefusedNotAServerError() {
    var fields = valid();
    fields.put("id", "12; drop table");
    assertTrue(form(fields).errors(VALIDATOR).containsKey("id"));
  }
}
