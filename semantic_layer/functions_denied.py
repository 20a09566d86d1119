"""Every DuckDB function raw SQL may not call, by kind (generated from `duckdb_functions()`
for DuckDB 2.0.1, then reviewed). `semantic_layer.functions.ALLOWED` is the positive list;
a function in neither fails `tests/security/test_sql_functions.py`: classify it in one."""

from __future__ import annotations

from typing import Final


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


DENIED_BY_KIND: Final[dict[str, frozenset[str]]] = {
    # table functions: they read files, the catalog, settings or generate rows
    "table": _words(
        """add_grammar_extension arrow_scan arrow_scan_dumb checkpoint create_external_resource
        deregister_external_resource destroy_external_resource disable_logging disable_profiling
        duckdb_approx_database_count duckdb_available_metrics duckdb_columns
        duckdb_connection_count duckdb_constraints duckdb_coordinate_systems duckdb_databases
        duckdb_dependencies duckdb_dialects duckdb_eviction_queues duckdb_extension_repositories
        duckdb_extensions duckdb_external_file_cache duckdb_external_resource_types
        duckdb_external_resources duckdb_functions duckdb_grammar_extensions duckdb_indexes
        duckdb_keywords duckdb_live_query_metrics duckdb_log_contexts duckdb_logs duckdb_memory
        duckdb_optimizers duckdb_prepared_statements duckdb_schemas
        duckdb_secret_type_parameters duckdb_secret_types duckdb_secrets duckdb_sequences
        duckdb_settings duckdb_table_sample duckdb_tables duckdb_temporary_files duckdb_triggers
        duckdb_types duckdb_variables duckdb_views enable_logging enable_profiling
        force_checkpoint generate_series glob icu_calendar_names json_each
        json_execute_serialized_sql json_tree pandas_scan parquet_bloom_probe
        parquet_file_metadata parquet_full_metadata parquet_kv_metadata parquet_metadata
        parquet_page_index parquet_scan parquet_schema pg_timezone_names pragma_collations
        pragma_database_size pragma_metadata_info pragma_platform pragma_show
        pragma_storage_info pragma_table_info pragma_user_agent pragma_version python_arrow_scan
        python_map_function query query_table range read_blob read_csv read_csv_auto read_duckdb
        read_json read_json_auto read_json_objects read_json_objects_auto read_ndjson
        read_ndjson_auto read_ndjson_objects read_parquet read_single_csv_file
        read_single_json_file read_single_parquet_file read_text register_external_resource
        register_external_resource_type remove_grammar_extension repeat repeat_row seq_scan
        sniff_csv summary test_all_types test_vector_types truncate_duckdb_logs which_secret"""
    ),
    # table macros: rows from the catalog or another query
    "table_macro": _words("""duckdb_logs_parsed duckdb_profiling_settings histogram_values"""),
    # pragmas: settings, the catalog and storage
    "pragma": _words(
        """add_parquet_key collations copy_database database_list database_size
        disable_checkpoint_on_shutdown disable_object_cache disable_optimizer
        disable_print_progress_bar disable_profile disable_progress_bar disable_verification
        disable_verify_parallelism enable_checkpoint_on_shutdown enable_object_cache
        enable_optimizer enable_print_progress_bar enable_profile enable_progress_bar
        enable_verification extension_versions functions import_database metadata_info platform
        show show_databases show_tables show_tables_expanded storage_info table_info user_agent
        verify_parallelism version"""
    ),
    # macros: the catalog, privileges, the session, or functions by name
    "macro": _words(
        """array_to_string_comma_default assert_true col_description current_catalog
        current_database current_query current_role current_schema current_schemas current_user
        format_pg_type format_type generate_subscripts get_block_size has_any_column_privilege
        has_column_privilege has_database_privilege has_foreign_data_wrapper_privilege
        has_function_privilege has_language_privilege has_schema_privilege
        has_sequence_privilege has_server_privilege has_table_privilege has_tablespace_privilege
        inet_client_addr inet_client_port inet_server_addr inet_server_port json
        json_copy_strftime_if_date json_copy_strftime_if_timestamp json_group_array
        json_group_object json_group_structure list_approx_count_distinct list_bit_and
        list_bit_or list_bit_xor list_entropy list_histogram list_kurtosis list_kurtosis_pop
        list_mad list_sem list_skewness list_stddev_pop list_var_pop map_to_pg_oid
        map_type_id_to_pg_oid md5_number_lower md5_number_upper obj_description
        pg_collation_is_visible pg_conf_load_time pg_conversion_is_visible
        pg_function_is_visible pg_get_constraintdef pg_get_expr pg_get_viewdef pg_has_role
        pg_is_other_temp_schema pg_my_temp_schema pg_opclass_is_visible pg_operator_is_visible
        pg_opfamily_is_visible pg_postmaster_start_time pg_size_pretty pg_sleep
        pg_table_is_visible pg_ts_config_is_visible pg_ts_dict_is_visible
        pg_ts_parser_is_visible pg_ts_template_is_visible pg_type_is_visible pg_typeof
        regexp_split_to_table session_user shobj_description user variant_group_array"""
    ),
    # scalar functions raw SQL does not need: statistics, plans and parsers of SQL text,
    # settings, session and catalog values, sequences, sleeps, collations, internal, geometry,
    # variant, encodings, random values, and list builders sized by an argument
    "scalar": _words(
        """!__postfix && <-> <=> <@ @> __between __cast __internal_barrier
        __internal_compress_geometry_point __internal_compress_integral_ubigint
        __internal_compress_integral_uinteger __internal_compress_integral_usmallint
        __internal_compress_integral_utinyint __internal_compress_string_hugeint
        __internal_compress_string_ubigint __internal_compress_string_uhugeint
        __internal_compress_string_uinteger __internal_compress_string_usmallint
        __internal_compress_string_utinyint __internal_compressed_materialization_cast
        __internal_decompress_geometry_point __internal_decompress_integral_bigint
        __internal_decompress_integral_hugeint __internal_decompress_integral_integer
        __internal_decompress_integral_smallint __internal_decompress_integral_ubigint
        __internal_decompress_integral_uhugeint __internal_decompress_integral_uinteger
        __internal_decompress_integral_usmallint __internal_decompress_string
        __internal_json_copy_to_geojson __internal_json_copy_to_json
        __internal_tablefilter_bloom_filter __internal_tablefilter_dynamic
        __internal_tablefilter_optional __internal_tablefilter_prefix_range
        __internal_tablefilter_selectivity_optional aggregate alias array_aggr array_aggregate
        array_cosine_distance array_cosine_similarity array_cross_product array_distance
        array_dot_product array_inner_product array_negative_dot_product
        array_negative_inner_product array_resize array_to_json bar base64 bin binom
        bit_position bitstring bitstring_byte_comparable can_cast_implicitly cast_to_type
        collate_aa collate_af collate_am collate_ar collate_ar_sa collate_as collate_az
        collate_bal collate_be collate_bg collate_blo collate_bn collate_bo collate_br
        collate_bs collate_ca collate_ceb collate_chr collate_cs collate_cu collate_cy
        collate_da collate_de collate_de_at collate_dsb collate_dz collate_ee collate_el
        collate_en collate_en_us collate_eo collate_es collate_et collate_fa collate_fa_af
        collate_ff collate_fi collate_fil collate_fo collate_fr collate_fr_ca collate_fy
        collate_ga collate_gl collate_gu collate_ha collate_haw collate_he collate_he_il
        collate_hi collate_hr collate_hsb collate_hu collate_hy collate_id collate_id_id
        collate_ig collate_is collate_it collate_ja collate_ka collate_kk collate_kl collate_km
        collate_kn collate_ko collate_kok collate_ku collate_ky collate_lb collate_lij
        collate_lkt collate_ln collate_lo collate_lt collate_lv collate_mk collate_ml collate_mn
        collate_mr collate_ms collate_mt collate_my collate_nb collate_nb_no collate_ne
        collate_nl collate_nn collate_no collate_noaccent collate_nso collate_om collate_or
        collate_pa collate_pa_in collate_pl collate_ps collate_pt collate_ro collate_ru
        collate_sa collate_se collate_sgs collate_si collate_sk collate_sl collate_smn
        collate_sq collate_sr collate_sr_ba collate_sr_me collate_sr_rs collate_ssy collate_st
        collate_sv collate_sw collate_ta collate_te collate_th collate_tk collate_tn collate_to
        collate_tr collate_ug collate_uk collate_ur collate_uz collate_vi collate_vo collate_wae
        collate_wo collate_xh collate_yi collate_yo collate_zh collate_zh_cn collate_zh_hk
        collate_zh_mo collate_zh_sg collate_zh_tw collate_zu combine constant_or_null
        create_sort_key current_connection_id current_query_id current_setting
        current_transaction_id currval decode encode enum_code enum_first enum_last enum_range
        enum_range_boundary equi_width_bins error finalize formatReadableDecimalSize
        formatReadableSize format_bytes from_base64 from_binary from_hex from_json
        from_json_strict gen_random_uuid get_bit get_type getvariable hex
        hive_partition_component icu_collate_aa icu_collate_af icu_collate_am icu_collate_ar
        icu_collate_ar_sa icu_collate_as icu_collate_az icu_collate_bal icu_collate_be
        icu_collate_bg icu_collate_blo icu_collate_bn icu_collate_bo icu_collate_br
        icu_collate_bs icu_collate_ca icu_collate_ceb icu_collate_chr icu_collate_cs
        icu_collate_cu icu_collate_cy icu_collate_da icu_collate_de icu_collate_de_at
        icu_collate_dsb icu_collate_dz icu_collate_ee icu_collate_el icu_collate_en
        icu_collate_en_us icu_collate_eo icu_collate_es icu_collate_et icu_collate_fa
        icu_collate_fa_af icu_collate_ff icu_collate_fi icu_collate_fil icu_collate_fo
        icu_collate_fr icu_collate_fr_ca icu_collate_fy icu_collate_ga icu_collate_gl
        icu_collate_gu icu_collate_ha icu_collate_haw icu_collate_he icu_collate_he_il
        icu_collate_hi icu_collate_hr icu_collate_hsb icu_collate_hu icu_collate_hy
        icu_collate_id icu_collate_id_id icu_collate_ig icu_collate_is icu_collate_it
        icu_collate_ja icu_collate_ka icu_collate_kk icu_collate_kl icu_collate_km
        icu_collate_kn icu_collate_ko icu_collate_kok icu_collate_ku icu_collate_ky
        icu_collate_lb icu_collate_lij icu_collate_lkt icu_collate_ln icu_collate_lo
        icu_collate_lt icu_collate_lv icu_collate_mk icu_collate_ml icu_collate_mn
        icu_collate_mr icu_collate_ms icu_collate_mt icu_collate_my icu_collate_nb
        icu_collate_nb_no icu_collate_ne icu_collate_nl icu_collate_nn icu_collate_no
        icu_collate_noaccent icu_collate_nso icu_collate_om icu_collate_or icu_collate_pa
        icu_collate_pa_in icu_collate_pl icu_collate_ps icu_collate_pt icu_collate_ro
        icu_collate_ru icu_collate_sa icu_collate_se icu_collate_sgs icu_collate_si
        icu_collate_sk icu_collate_sl icu_collate_smn icu_collate_sq icu_collate_sr
        icu_collate_sr_ba icu_collate_sr_me icu_collate_sr_rs icu_collate_ssy icu_collate_st
        icu_collate_sv icu_collate_sw icu_collate_ta icu_collate_te icu_collate_th
        icu_collate_tk icu_collate_tn icu_collate_to icu_collate_tr icu_collate_ug
        icu_collate_uk icu_collate_ur icu_collate_uz icu_collate_vi icu_collate_vo
        icu_collate_wae icu_collate_wo icu_collate_xh icu_collate_yi icu_collate_yo
        icu_collate_zh icu_collate_zh_cn icu_collate_zh_hk icu_collate_zh_mo icu_collate_zh_sg
        icu_collate_zh_tw icu_collate_zu icu_sort_key in_search_path index_key invoke
        is_histogram_other_bin json_contains json_deep_merge json_deserialize_sql json_insert
        json_merge_patch json_merge_patch_diff json_normalize json_pretty json_remove
        json_replace json_serialize_plan json_serialize_sql json_set json_strip_nulls
        json_structure json_transform json_transform_strict list_aggr list_aggregate
        list_cosine_distance list_cosine_similarity list_distance list_dot_product
        list_inner_product list_negative_dot_product list_negative_inner_product list_resize
        make_timestamp_ms make_timestamp_ns make_type map_concat md5_number nextval overlay
        parse_dirname parse_dirpath parse_duckdb_log_message parse_filename
        parse_formatted_bytes parse_path path_join random remap_struct replace_type row_to_json
        set_bit setseed setval sleep_ms st_asbinary st_asgeojson st_astext st_aswkb st_aswkt
        st_crs st_geomfromgeojson st_geomfromwkb st_intersects_extent st_setcrs stats
        struct_concat struct_contains struct_has struct_indexof struct_insert struct_position
        struct_update switch timetz_byte_comparable to_aggregate_state to_base to_base64
        to_binary to_hex txid_current unbin unhex union_extract union_tag union_value
        unpivot_list uuid uuid_extract_timestamp uuid_extract_version uuidv4 uuidv7
        variant_array_length variant_bytes_to_variant variant_comparator variant_contains
        variant_exists variant_extract variant_extract_string variant_keys variant_normalize
        variant_to_parquet_variant variant_type variant_typeof vector_type vertex_extract
        write_log"""
    ),
    # aggregates raw SQL does not need: internal states and plots
    "aggregate": _words("""bitstring_agg combine_aggr decimal_average lttb variant_group_object"""),
}
DENIED: Final = frozenset().union(*DENIED_BY_KIND.values())

__all__ = ["DENIED", "DENIED_BY_KIND"]
