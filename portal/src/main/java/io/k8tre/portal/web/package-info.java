/**
 * The dashboard pages and their JSON twins, and the error pages.
 *
 * <p>A project the person does not belong to answers 403 with the reason; an unknown project 404.
 * The difference tells a signed-in person which project names exist, which K8TRE does not treat as
 * secret; every answer carries a request id and none a stack trace.
 */
package io.k8tre.portal.web;
