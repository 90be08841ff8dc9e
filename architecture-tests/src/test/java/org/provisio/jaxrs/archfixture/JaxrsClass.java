package org.provisio.jaxrs.archfixture;

/** What provisio-jaxrs may do: see the JAX-RS API, the domain and scim-core. No rule may flag it. */
public class JaxrsClass {
    jakarta.ws.archstub.Stub jaxrs;
    org.provisio.domain.service.Provisioning domain;
    org.provisio.scim.filter.Filter filter;
}
