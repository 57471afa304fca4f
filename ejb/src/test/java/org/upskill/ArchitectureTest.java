package org.upskill;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The business core's components and the direction of their dependencies, as {@code
 * docs/architecture.md} draws them: each component may use only those listed for it (and so those
 * below it), never one above. Checked on the compiled classes with ArchUnit, so an import, a
 * fully-qualified name, a field type or a method call across the line fails the build.
 */
class ArchitectureTest {

  /**
   * Every component of {@code org.upskill}, lowest first, with the components it may use. The order
   * is the allowed direction: a component may use only components listed before it.
   */
  static final Map<String, Set<String>> ALLOWED = new LinkedHashMap<>();

  static {
    ALLOWED.put("platform", Set.of());
    ALLOWED.put("audit", Set.of("platform"));
    ALLOWED.put("people", Set.of("platform", "audit"));
    ALLOWED.put("catalog", Set.of("platform", "people"));
    ALLOWED.put("enrolment", Set.of("platform", "audit", "people", "catalog"));
    ALLOWED.put("learning", Set.of("platform", "people", "catalog", "enrolment"));
    ALLOWED.put(
        "assessment", Set.of("platform", "audit", "people", "catalog", "enrolment", "learning"));
    ALLOWED.put("certification", Set.of("platform", "audit", "people", "catalog", "learning"));
    ALLOWED.put(
        "integration",
        Set.of("platform", "audit", "people", "enrolment", "learning", "certification"));
    ALLOWED.put(
        "compliance",
        Set.of("platform", "audit", "people", "enrolment", "learning", "certification"));
    ALLOWED.put("privacy", Set.of("platform", "audit", "people", "certification"));
    ALLOWED.put("demo", Set.of("platform", "catalog", "assessment"));
  }

  static JavaClasses core;

  @BeforeAll
  static void importTheCore() {
    core =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.upskill");
  }

  @Test
  void theTableNamesEveryComponentAndPointsOnlyDownwards() {
    var found =
        core.stream()
            .map(c -> c.getPackageName().split("\\."))
            .filter(p -> p.length > 2)
            .map(p -> p[2])
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(new TreeSet<>(ALLOWED.keySet()), found, "components in org.upskill");
    var below = new ArrayList<String>();
    for (var entry : ALLOWED.entrySet()) {
      assertTrue(
          below.containsAll(entry.getValue()),
          entry.getKey() + " may use only components listed before it, not " + entry.getValue());
      below.add(entry.getKey());
    }
  }

  @Test
  void eachComponentUsesOnlyTheComponentsAllowedToIt() {
    for (var entry : ALLOWED.entrySet()) {
      var forbidden =
          ALLOWED.keySet().stream()
              .filter(c -> !c.equals(entry.getKey()) && !entry.getValue().contains(c))
              .map(c -> "org.upskill." + c + "..")
              .toArray(String[]::new);
      if (forbidden.length == 0) {
        continue;
      }
      noClasses()
          .that()
          .resideInAPackage("org.upskill." + entry.getKey() + "..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(forbidden)
          .because(
              entry.getKey()
                  + " may use only "
                  + (entry.getValue().isEmpty() ? "itself" : entry.getValue())
                  + " (docs/architecture.md)")
          .check(core);
    }
  }

  @Test
  void noComponentDependsOnAnotherBothWays() {
    slices().matching("org.upskill.(*)..").should().beFreeOfCycles().check(core);
  }

  @Test
  void entitiesDependOnNoBoundaryOrControl() {
    noClasses()
        .that()
        .resideInAPackage("org.upskill.*.entity..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.upskill.*.boundary..", "org.upskill.*.control..")
        .because("entities are the bottom of each component (Boundary–Control–Entity)")
        .check(core);
  }

  @Test
  void noLayerOfAComponentDependsOnAnotherBothWays() {
    slices().matching("org.upskill.(*).(*)..").should().beFreeOfCycles().check(core);
  }
}
