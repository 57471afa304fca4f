package org.upskill.people.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** An NHS trust, practice or company that people belong to; NHS ones may carry an ODS code. */
@Entity
@Table(name = "organisation")
@NamedQuery(
    name = Organisation.BY_NAME,
    query = "select o from Organisation o where o.name = :name")
public class Organisation {

  public static final String BY_NAME = "Organisation.byName";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 200)
  private String name;

  @Column(name = "ods_code", length = 20)
  private String odsCode;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Organisation() {}

  public Organisation(String name, Instant now) {
    this.name = name;
    this.createdAt = now;
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getOdsCode() {
    return odsCode;
  }
}
