package io.k8tre.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Storage settings of a project.
 *
 * @param storageClass the storage class of the project's volumes
 * @param defaultVdiSize the default size of a desktop home volume
 * @param defaultNotebookSize the default size of a notebook volume
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProjectStorageSpec(
    @JsonProperty("storage_class") String storageClass,
    @JsonProperty("default_vdi_size") String defaultVdiSize,
    @JsonProperty("default_notebook_size") String defaultNotebookSize) {}
