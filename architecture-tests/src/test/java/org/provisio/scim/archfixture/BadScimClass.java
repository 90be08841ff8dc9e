package org.provisio.scim.archfixture;

/** Breaks the scim-core rules: HTTP outside the server and Jackson outside {@code org.provisio.scim.json}. */
public class BadScimClass {
    jakarta.ws.archstub.Stub jakarta;
    com.fasterxml.jackson.archstub.Stub jackson;
    org.provisio.domain.archfixture.BadDomainClass domain;
}
