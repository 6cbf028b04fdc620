/** The K8TRE custom resource model. */
package io.k8tre.api;
