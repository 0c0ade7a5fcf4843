-- migration contenttypes.0001_initial
-- migration contenttypes.0002_remove_content_type_name
-- migration auth.0001_initial
-- migration auth.0002_alter_permission_name_max_length
-- migration auth.0003_alter_user_email_max_length
-- migration auth.0004_alter_user_username_opts
-- migration auth.0005_alter_user_last_login_null
-- migration auth.0006_require_contenttypes_0002
-- migration auth.0007_alter_validators_add_error_messages
-- migration auth.0008_alter_user_username_max_length
-- migration auth.0009_alter_user_last_name_max_length
-- migration auth.0010_alter_group_name_max_length
-- migration auth.0011_update_proxy_permissions
-- migration auth.0012_alter_user_first_name_max_length
-- migration civic.0001_initial
-- migration account.0001_initial
-- migration account.0002_email_max_length
-- migration account.0003_alter_emailaddress_create_unique_verified_email
-- migration account.0004_alter_emailaddress_drop_unique_email
-- migration account.0005_emailaddress_idx_upper_email
-- migration account.0006_emailaddress_lower
-- migration account.0007_emailaddress_idx_email
-- migration account.0008_emailaddress_unique_primary_email_fixup
-- migration account.0009_emailaddress_unique_primary_email
-- migration admin.0001_initial
-- migration admin.0002_logentry_remove_auto_add
-- migration admin.0003_logentry_add_action_flag_choices
-- migration wagtailcore.0001_initial
-- migration wagtailcore.0002_initial_data
-- migration wagtailcore.0003_add_uniqueness_constraint_on_group_page_permission
-- migration wagtailcore.0004_page_locked
-- migration wagtailcore.0005_add_page_lock_permission_to_moderators
-- migration wagtailcore.0006_add_lock_page_permission
-- migration wagtailcore.0007_page_latest_revision_created_at
-- migration wagtailcore.0008_populate_latest_revision_created_at
-- migration wagtailcore.0009_remove_auto_now_add_from_pagerevision_created_at
-- migration wagtailcore.0010_change_page_owner_to_null_on_delete
-- migration wagtailcore.0011_page_first_published_at
-- migration wagtailcore.0012_extend_page_slug_field
-- migration wagtailcore.0013_update_golive_expire_help_text
-- migration wagtailcore.0014_add_verbose_name
-- migration wagtailcore.0015_add_more_verbose_names
-- migration wagtailcore.0016_change_page_url_path_to_text_field
-- migration wagtailcore.0001_squashed_0016_change_page_url_path_to_text_field
-- migration wagtailcore.0017_change_edit_page_permission_description
-- migration wagtailcore.0018_pagerevision_submitted_for_moderation_index
-- migration wagtailcore.0019_verbose_names_cleanup
-- migration wagtailcore.0020_add_index_on_page_first_published_at
-- migration wagtailcore.0021_capitalizeverbose
-- migration wagtailcore.0022_add_site_name
-- migration wagtailcore.0023_alter_page_revision_on_delete_behaviour
-- migration wagtailcore.0024_collection
-- migration wagtailcore.0025_collection_initial_data
-- migration wagtailcore.0026_group_collection_permission
-- migration taggit.0001_initial
-- migration wagtailimages.0001_initial
-- migration wagtailimages.0002_initial_data
-- migration wagtailimages.0003_fix_focal_point_fields
-- migration wagtailimages.0004_make_focal_point_key_not_nullable
-- migration wagtailimages.0005_make_filter_spec_unique
-- migration wagtailimages.0006_add_verbose_names
-- migration wagtailimages.0007_image_file_size
-- migration wagtailimages.0008_image_created_at_index
-- migration wagtailimages.0009_capitalizeverbose
-- migration wagtailimages.0010_change_on_delete_behaviour
-- migration wagtailimages.0011_image_collection
-- migration wagtailimages.0012_copy_image_permissions_to_collections
-- migration wagtailimages.0013_make_rendition_upload_callable
-- migration wagtailimages.0014_add_filter_spec_field
-- migration wagtailimages.0015_fill_filter_spec_field
-- migration wagtailimages.0016_deprecate_rendition_filter_relation
-- migration wagtailimages.0017_reduce_focal_point_key_max_length
-- migration wagtailimages.0018_remove_rendition_filter
-- migration wagtailimages.0019_delete_filter
-- migration wagtailimages.0020_add-verbose-name
-- migration wagtailimages.0021_image_file_hash
-- migration wagtailimages.0001_squashed_0021
-- migration wagtailimages.0022_uploadedimage
-- migration wagtailadmin.0001_create_admin_access_permissions
-- migration wagtailimages.0023_add_choose_permissions
-- migration wagtailimages.0024_index_image_file_hash
-- migration wagtailimages.0025_alter_image_file_alter_rendition_file
-- migration wagtailimages.0026_delete_uploadedimage
-- migration wagtailimages.0027_image_description
-- migration wagtailcore.0027_fix_collection_path_collation
-- migration wagtailcore.0024_alter_page_content_type_on_delete_behaviour
-- migration wagtailcore.0028_merge
-- migration wagtailcore.0029_unicode_slugfield_dj19
-- migration wagtailcore.0030_index_on_pagerevision_created_at
-- migration wagtailcore.0031_add_page_view_restriction_types
-- migration wagtailcore.0032_add_bulk_delete_page_permission
-- migration wagtailcore.0033_remove_golive_expiry_help_text
-- migration wagtailcore.0034_page_live_revision
-- migration wagtailcore.0035_page_last_published_at
-- migration wagtailcore.0036_populate_page_last_published_at
-- migration wagtailcore.0037_set_page_owner_editable
-- migration wagtailcore.0038_make_first_published_at_editable
-- migration wagtailcore.0039_collectionviewrestriction
-- migration wagtailcore.0040_page_draft_title
-- migration wagtailcore.0041_group_collection_permissions_verbose_name_plural
-- migration wagtailcore.0042_index_on_pagerevision_approved_go_live_at
-- migration wagtailcore.0043_lock_fields
-- migration wagtailcore.0044_add_unlock_grouppagepermission
-- migration wagtailcore.0045_assign_unlock_grouppagepermission
-- migration wagtailcore.0046_site_name_remove_null
-- migration wagtailcore.0047_add_workflow_models
-- migration wagtailcore.0048_add_default_workflows
-- migration wagtailcore.0049_taskstate_finished_by
-- migration wagtailcore.0050_workflow_rejected_to_needs_changes
-- migration wagtailcore.0051_taskstate_comment
-- migration wagtailcore.0052_pagelogentry
-- migration wagtailcore.0053_locale_model
-- migration wagtailcore.0054_initial_locale
-- migration wagtailcore.0055_page_locale_fields
-- migration wagtailcore.0056_page_locale_fields_populate
-- migration wagtailcore.0057_page_locale_fields_notnull
-- migration wagtailcore.0058_page_alias_of
-- migration wagtailcore.0059_apply_collection_ordering
-- migration wagtailcore.0060_fix_workflow_unique_constraint
-- migration wagtailcore.0061_change_promote_tab_helpt_text_and_verbose_names
-- migration wagtailcore.0062_comment_models_and_pagesubscription
-- migration wagtailcore.0063_modellogentry
-- migration wagtailcore.0064_log_timestamp_indexes
-- migration wagtailcore.0065_log_entry_uuid
-- migration wagtailcore.0066_collection_management_permissions
-- migration wagtailcore.0067_alter_pagerevision_content_json
-- migration wagtailcore.0068_log_entry_empty_object
-- migration wagtailcore.0069_log_entry_jsonfield
-- migration wagtail_localize.0001_initial
-- migration wagtailcore.0070_rename_pagerevision_revision
-- migration wagtailcore.0071_populate_revision_content_type
-- migration wagtailcore.0072_alter_revision_content_type_notnull
-- migration wagtailcore.0073_page_latest_revision
-- migration wagtailcore.0074_revision_object_str
-- migration wagtailcore.0075_populate_latest_revision_and_revision_object_str
-- migration wagtailcore.0076_modellogentry_revision
-- migration wagtailcore.0077_alter_revision_user
-- migration wagtailcore.0078_referenceindex
-- migration wagtailcore.0079_rename_taskstate_page_revision
-- migration wagtailcore.0080_generic_workflowstate
-- migration wagtailcore.0081_populate_workflowstate_content_type
-- migration wagtailcore.0082_alter_workflowstate_content_type_notnull
-- migration wagtailcore.0083_workflowcontenttype
-- migration wagtailcore.0084_add_default_page_permissions
-- migration wagtailcore.0085_add_grouppagepermission_permission
-- migration wagtailcore.0086_populate_grouppagepermission_permission
-- migration wagtailcore.0087_alter_grouppagepermission_unique_together_and_more
-- migration wagtailcore.0088_fix_log_entry_json_timestamps
-- migration wagtailcore.0089_log_entry_data_json_null_to_object
-- migration wagtailcore.0090_remove_grouppagepermission_permission_type
-- migration wagtailcore.0091_remove_revision_submitted_for_moderation
-- migration wagtailcore.0092_alter_collectionviewrestriction_password_and_more
-- migration wagtailcore.0093_uploadedfile
-- migration wagtailcore.0094_alter_page_locale
-- migration wagtailcore.0095_groupsitepermission
-- migration wagtailcore.0096_referenceindex_referenceindex_source_object_and_more
-- migration wagtailcore.0097_baselogentry_uuid_action_timestamp_indexes
-- migration wagtailcore.0098_apitoken
-- migration mapping.0001_initial
-- migration wagtaildocs.0001_initial
-- migration wagtaildocs.0002_initial_data
-- migration wagtaildocs.0003_add_verbose_names
-- migration wagtaildocs.0004_capitalizeverbose
-- migration wagtaildocs.0005_document_collection
-- migration wagtaildocs.0006_copy_document_permissions_to_collections
-- migration wagtaildocs.0005_alter_uploaded_by_user_on_delete_action
-- migration wagtaildocs.0007_merge
-- migration wagtaildocs.0008_document_file_size
-- migration wagtaildocs.0009_document_verbose_name_plural
-- migration wagtaildocs.0010_document_file_hash
-- migration wagtaildocs.0011_add_choose_permissions
-- migration wagtaildocs.0012_uploadeddocument
-- migration wagtaildocs.0013_delete_uploadeddocument
-- migration wagtaildocs.0014_alter_document_file_size
-- migration wagtailadmin.0002_admin
-- migration wagtailadmin.0003_admin_managed
-- migration wagtailadmin.0004_editingsession
-- migration wagtailadmin.0005_editingsession_is_editing
-- migration wagtailadmin.0006_formstate
-- migration consultations.0001_initial
-- migration civic.0002_homepage
-- migration civic.0003_roles
-- migration civic.0004_home_page
-- migration mapping.0002_issue_reports
-- migration mapping.0003_report_hidden_at
-- migration civic.0005_participant_profile
-- migration civic.0006_organisation_collections
-- migration civic.0007_places
-- migration civic.0008_information_page
-- migration civic.0009_notifications
-- migration civic.0010_alter_notification_kind_and_more
-- migration civic.0011_user_auto_follow
-- migration civic.0012_brand
-- migration api.0001_initial
-- migration wagtail_localize.0002_translation
-- migration wagtail_localize.0003_delete_translation_sources
-- migration wagtail_localize.0004_one_source_per_objectlocale
-- migration wagtail_localize.0005_remove_translationsource_object
-- migration wagtail_localize.0006_create_submit_translation_permission
-- migration wagtail_localize.0007_stringtranslation_type_and_tool_name
-- migration wagtail_localize.0008_stringtranslation_last_translated_by
-- migration wagtail_localize.0009_stringtranslation_errors
-- migration wagtail_localize.0010_overridablesegment
-- migration wagtail_localize.0011_segmentoverride
-- migration wagtail_localize.0012_localesynchronization
-- migration wagtail_localize.0013_translationsource_schema_version
-- migration wagtail_localize.0014_remove_translation_source_last_updated_at
-- migration wagtail_localize.0015_translationcontext_field_path
-- migration wagtail_localize.0016_rename_page_revision_translationlog_revision
-- migration civic.0013_personal_data_export
-- migration civic.0014_report_status_notifications
-- migration civic.0015_notification_unsent_index
-- migration civic.0016_addresses
-- migration civic.0017_address_tail
-- migration civic.0018_user_language
-- migration civic.0019_welsh_locale
-- migration consultations.0002_live_events
-- migration consultations.0003_summaries
-- migration consultations.0004_moderation
-- migration consultations.0005_erased_accounts
-- migration consultations.0006_follow
-- migration consultations.0007_consultationpage_wards_alerttopic
-- migration consultations.0008_conversations
-- migration consultations.0009_surveys
-- migration consultations.0010_survey_ranking_and_ward_questions
-- migration consultations.0011_survey_sections_and_conditions
-- migration consultations.0012_survey_layout
-- migration consultations.0013_survey_question_wordings
-- migration consultations.0014_survey_anonymous_and_assisted
-- migration consultations.0015_survey_answer_themes
-- migration consultations.0016_proposal_paragraphs
-- migration consultations.0017_contribution_language
-- migration django_tasks_database.0001_initial
-- migration django_tasks_database.0002_alter_dbtaskresult_options
-- migration django_tasks_database.0003_dbtaskresult_enqueued_at_dbtaskresult_finished_at
-- migration django_tasks_database.0004_dbtaskresult_started_at
-- migration django_tasks_database.0005_alter_dbtaskresult_priority_and_more
-- migration django_tasks_database.0006_alter_dbtaskresult_args_kwargs_and_more
-- migration django_tasks_database.0007_add_separate_results_fields
-- migration django_tasks_database.0008_separate_results_field
-- migration django_tasks_database.0009_remove_results_field
-- migration django_tasks_database.0010_alter_dbtaskresult_status
-- migration django_tasks_database.0011_rename_complete_status
-- migration django_tasks_database.0012_add_separate_exception_fields
-- migration django_tasks_database.0013_separate_exception_fields
-- migration django_tasks_database.0014_remove_dbtaskresult_exception_data
-- migration django_tasks_database.0015_correctly_order_run_after
-- migration django_tasks_database.0016_remove_dbtaskresult_django_task_new_ordering_idx_and_more
-- migration django_tasks_database.0017_dbtaskresult_metadata
-- migration django_tasks_database.0018_rename_succeeded_status
-- migration django_tasks_database.0019_rename_django_task_new_ordering_idx_tasks_db_new_ordering_idx_and_more
-- migration django_tasks_database.0020_update_db_task_result_ordering
-- migration django_tasks_database.0021_conditional_partial_index_ordering
-- migration mapping.0004_places_moved_to_civic
-- migration mapping.0005_issuereport_awaiting_confirmation_and_more
-- migration mapping.0006_contribution_language
-- migration mfa.0001_initial
-- migration mfa.0002_authenticator_timestamps
-- migration mfa.0003_authenticator_type_uniq
-- migration search.0001_initial
-- migration search.0002_fulltext
-- migration search.0003_organisation_key
-- migration search.0004_queued_document
-- migration sessions.0001_initial
-- migration taggit.0002_auto_20150616_2121
-- migration taggit.0003_taggeditem_add_unique_index
-- migration taggit.0004_alter_taggeditem_content_type_alter_taggeditem_tag
-- migration taggit.0005_auto_20220424_2025
-- migration taggit.0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx
-- migration wagtailembeds.0001_initial
-- migration wagtailembeds.0002_add_verbose_names
-- migration wagtailembeds.0003_capitalizeverbose
-- migration wagtailembeds.0004_embed_verbose_name_plural
-- migration wagtailembeds.0005_specify_thumbnail_url_max_length
-- migration wagtailembeds.0006_add_embed_hash
-- migration wagtailembeds.0007_populate_hash
-- migration wagtailembeds.0008_allow_long_urls
-- migration wagtailembeds.0009_embed_cache_until
-- migration wagtailforms.0001_initial
-- migration wagtailforms.0002_add_verbose_names
-- migration wagtailforms.0003_capitalizeverbose
-- migration wagtailforms.0004_add_verbose_name_plural
-- migration wagtailforms.0005_alter_formsubmission_form_data
-- migration wagtailredirects.0001_initial
-- migration wagtailredirects.0002_add_verbose_names
-- migration wagtailredirects.0003_make_site_field_editable
-- migration wagtailredirects.0004_set_unique_on_path_and_site
-- migration wagtailredirects.0005_capitalizeverbose
-- migration wagtailredirects.0006_redirect_increase_max_length
-- migration wagtailredirects.0007_add_autocreate_fields
-- migration wagtailredirects.0008_add_verbose_name_plural
-- migration wagtailsearch.0001_initial
-- migration wagtailsearch.0002_add_verbose_names
-- migration wagtailsearch.0003_remove_editors_pick
-- migration wagtailsearch.0004_querydailyhits_verbose_name_plural
-- migration wagtailsearch.0005_create_indexentry
-- migration wagtailsearch.0006_customise_indexentry
-- migration wagtailsearch.0007_delete_editorspick
-- migration wagtailsearch.0008_remove_query_and_querydailyhits_models
-- migration wagtailsearch.0009_remove_ngram_autocomplete
-- migration wagtailsearch.0010_add_text_fields
-- migration wagtailusers.0001_initial
-- migration wagtailusers.0002_add_verbose_name_on_userprofile
-- migration wagtailusers.0003_add_verbose_names
-- migration wagtailusers.0004_capitalizeverbose
-- migration wagtailusers.0005_make_related_name_wagtail_specific
-- migration wagtailusers.0006_userprofile_prefered_language
-- migration wagtailusers.0007_userprofile_current_time_zone
-- migration wagtailusers.0008_userprofile_avatar
-- migration wagtailusers.0009_userprofile_verbose_name_plural
-- migration wagtailusers.0010_userprofile_updated_comments_notifications
-- migration wagtailusers.0011_userprofile_dismissibles
-- migration wagtailusers.0012_userprofile_theme
-- migration wagtailusers.0013_userprofile_density
-- migration wagtailusers.0014_userprofile_contrast
-- migration wagtailusers.0015_userprofile_keyboard_shortcuts
PRAGMA foreign_keys = OFF;
BEGIN;
CREATE TABLE "django_migrations" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "app" varchar(255) NOT NULL, "name" varchar(255) NOT NULL, "applied" datetime NOT NULL);
CREATE TABLE "django_content_type" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "app_label" varchar(100) NOT NULL, "model" varchar(100) NOT NULL);
CREATE TABLE "auth_group_permissions" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "group_id" integer NOT NULL REFERENCES "auth_group" ("id") DEFERRABLE INITIALLY DEFERRED, "permission_id" integer NOT NULL REFERENCES "auth_permission" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "auth_permission" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "content_type_id" integer NOT NULL REFERENCES "django_content_type" ("id") DEFERRABLE INITIALLY DEFERRED, "codename" varchar(100) NOT NULL, "name" varchar(255) NOT NULL);
CREATE TABLE "auth_group" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(150) NOT NULL UNIQUE);
CREATE TABLE "civic_user_groups" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "user_id" bigint NOT NULL REFERENCES "civic_user" ("id") DEFERRABLE INITIALLY DEFERRED, "group_id" integer NOT NULL REFERENCES "auth_group" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "civic_user_user_permissions" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "user_id" bigint NOT NULL REFERENCES "civic_user" ("id") DEFERRABLE INITIALLY DEFERRED, "permission_id" integer NOT NULL REFERENCES "auth_permission" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "account_emailconfirmation" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "created" datetime NOT NULL, "sent" datetime NULL, "key" varchar(64) NOT NULL UNIQUE, "email_address_id" integer NOT NULL REFERENCES "account_emailaddress" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "account_emailaddress" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "verified" bool NOT NULL, "primary" bool NOT NULL, "user_id" bigint NOT NULL REFERENCES "civic_user" ("id") DEFERRABLE INITIALLY DEFERRED, "email" varchar(254) NOT NULL);
CREATE TABLE "django_admin_log" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "object_id" text NULL, "object_repr" varchar(200) NOT NULL, "action_flag" smallint unsigned NOT NULL CHECK ("action_flag" >= 0), "change_message" text NOT NULL, "content_type_id" integer NULL REFERENCES "django_content_type" ("id") DEFERRABLE INITIALLY DEFERRED, "user_id" bigint NOT NULL REFERENCES "civic_user" ("id") DEFERRABLE INITIALLY DEFERRED, "action_time" datetime NOT NULL);
CREATE TABLE "wagtailcore_collection" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "path" varchar(255) NOT NULL UNIQUE, "depth" integer unsigned NOT NULL CHECK ("depth" >= 0), "numchild" integer unsigned NOT NULL CHECK ("numchild" >= 0), "name" varchar(255) NOT NULL);
CREATE TABLE "wagtailcore_groupcollectionpermission" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "collection_id" integer NOT NULL REFERENCES "wagtailcore_collection" ("id") DEFERRABLE INITIALLY DEFERRED, "group_id" integer NOT NULL REFERENCES "auth_group" ("id") DEFERRABLE INITIALLY DEFERRED, "permission_id" integer NOT NULL REFERENCES "auth_permission" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "wagtailimages_rendition" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "width" integer NOT NULL, "height" integer NOT NULL, "focal_point_key" varchar(16) NOT NULL, "filter_spec" varchar(255) NOT NULL, "image_id" integer NOT NULL REFERENCES "wagtailimages_image" ("id") DEFERRABLE INITIALLY DEFERRED, "file" varchar(100) NOT NULL);
CREATE TABLE "wagtailimages_image" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "title" varchar(255) NOT NULL, "file" varchar(100) NOT NULL, "width" integer NOT NULL, "height" integer NOT NULL, "created_at" datetime NOT NULL, "focal_point_x" integer unsigned NULL CHECK ("focal_point_x" >= 0), "focal_point_y" integer unsigned NULL CHECK ("focal_point_y" >= 0), "focal_point_width" integer unsigned NULL CHECK ("focal_point_width" >= 0), "focal_point_height" integer unsigned NULL CHECK ("focal_point_height" >= 0), "uploaded_by_user_id" bigint NULL REFERENCES "civic_user" ("id") DEFERRABLE INITIALLY DEFERRED, "file_size" integer unsigned NULL CHECK ("file_size" >= 0), "collection_id" integer NOT NULL REFERENCES "wagtailcore_collection" ("id") DEFERRABLE INITIALLY DEFERRED, "file_hash" varchar(40) NOT NULL, "description" varchar(255) NOT NULL);
CREATE TABLE "wagtailcore_pageviewrestriction_groups" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "pageviewrestriction_id" integer NOT NULL REFERENCES "wagtailcore_pageviewrestriction" ("id") DEFERRABLE INITIALLY DEFERRED, "group_id" integer NOT NULL REFERENCES "auth_group" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "wagtailcore_pageviewrestriction" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "password" varchar(255) NOT NULL, "page_id" integer NOT NULL REFERENCES "wagtailcore_page" ("id") DEFERRABLE INITIALLY DEFERRED, "restriction_type" varchar(20) NOT NULL);
CREATE TABLE "wagtailcore_collectionviewrestriction" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "restriction_type" varchar(20) NOT NULL, "password" varchar(255) NOT NULL, "collection_id" integer NOT NULL REFERENCES "wagtailcore_collection" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "wagtailcore_collectionviewrestriction_groups" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "collectionviewrestriction_id" integer NOT NULL REFERENCES "wagtailcore_collectionviewrestriction" ("id") DEFERRABLE INITIALLY DEFERRED, "group_id" integer NOT NULL REFERENCES "auth_group" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "wagtailcore_site" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "hostname" varchar(255) NOT NULL, "port" integer NOT NULL, "is_default_site" bool NOT NULL, "root_page_id" integer NOT NULL REFERENCES "wagtailcore_page" ("id") DEFERRABLE INITIALLY DEFERRED, "site_name" varchar(255) NOT NULL);
CREATE TABLE "wagtailcore_task" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(255) NOT NULL, "active" bool NOT NULL, "content_type_id" integer NOT NULL REFERENCES "django_content_type" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "wagtailcore_workflow" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(255) NOT NULL, "active" bool NOT NULL);
CREATE TABLE "wagtailcore_groupapprovaltask" ("task_ptr_id" integer NOT NULL PRIMARY KEY REFERENCES "wagtailcore_task" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "wagtailcore_workflowpage" ("page_id" integer NOT NULL PRIMARY KEY REFERENCES "wagtailcore_page" ("id") DEFERRABLE INITIALLY DEFERRED, "workflow_id" integer NOT NULL REFERENCES "wagtailcore_workflow" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "wagtailcore_workflowtask" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "sort_order" integer NULL, "task_id" integer NOT NULL REFERENCES "wagtailcore_task" ("id") DEFERRABLE INITIALLY DEFERRED, "workflow_id" integer NOT NULL REFERENCES "wagtailcore_workflow" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "wagtailcore_groupapprovaltask_groups" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "groupapprovaltask_id" integer NOT NULL REFERENCES "wagtailcore_groupapprovaltask" ("task_ptr_id") DEFERRABLE INITIALLY DEFERRED, "group_id" integer NOT NULL REFERENCES "auth_group" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "wagtailcore_locale" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "language_code" varchar(100) NOT NULL UNIQUE);
CREATE TABLE "wagtailcore_page" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "path" varchar(255) NOT NULL UNIQUE, "depth" integer unsigned NOT NULL CHECK ("depth" >= 0), "numchild" integer unsigned NOT NULL CHECK ("numchild" >= 0), "title" varchar(255) NOT NULL, "slug" varchar(255) NOT NULL, "live" bool NOT NULL, "has_unpublished_changes" bool NOT NULL, "url_path" text NOT NULL, "seo_title" varchar(255) NOT NULL, "show_in_menus" bool NOT NULL, "search_description" text NOT NULL, "go_live_at" datetime NULL, "expire_at" datetime NULL, "expired" bool NOT NULL, "content_type_id" integer NOT NULL REFERENCES "django_content_type" ("id") DEFERRABLE INITIALLY DEFERRED, "owner_id" bigint NULL REFERENCES "civic_user" ("id") DEFERRABLE INITIALLY DEFERRED, "locked" bool NOT NULL, "latest_revision_created_at" datetime NULL, "first_published_at" datetime NULL, "live_revision_id" integer NULL REFERENCES "wagtailcore_revision" ("id") DEFERRABLE INITIALLY DEFERRED, "last_published_at" datetime NULL, "draft_title" varchar(255) NOT NULL, "locked_at" datetime NULL, "locked_by_id" bigint NULL REFERENCES "civic_user" ("id") DEFERRABLE INITIALLY DEFERRED, "locale_id" integer NOT NULL REFERENCES "wagtailcore_locale" ("id") DEFERRABLE INITIALLY DEFERRED, "translation_key" char(32) NOT NULL, "alias_of_id" integer NULL REFERENCES "wagtailcore_page" ("id") DEFERRABLE INITIALLY DEFERRED, "latest_revision_id" integer NULL REFERENCES "wagtailcore_revision" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "wagtailcore_commentreply" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "text" text NOT NULL, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL, "comment_id" integer NOT NULL REFERENCES "wagtailcore_comment" ("id") DEFERRABLE INITIALLY DEFERRED, "user_id" bigint NOT NULL REFERENCES "civic_user" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "wagtailcore_pagesubscription" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "comment_notifications" bool NOT NULL, "page_id" integer NOT NULL REFERENCES "wagtailcore_page" ("id") DEFERRABLE INITIALLY DEFERRED, "user_id" bigint NOT NULL REFERENCES "civic_user" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "wagtail_localize_string" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "data_hash" char(32) NOT NULL, "data" text NOT NULL, "locale_id" integer NOT NULL REFERENCES "wagtailcore_locale" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "wagtail_localize_template" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "uuid" char(32) NOT NULL UNIQUE, "template" text NOT NULL, "template_format" varchar(100) NOT NULL, "string_count" integer unsigned NOT NULL CHECK ("string_count" >= 0));
CREATE TABLE "wagtail_localize_translatableobject" ("translation_key" char(32) NOT NULL PRIMARY KEY, "content_type_id" integer NOT NULL REFERENCES "django_content_type" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "wagtail_localize_templatesegment" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "order" integer unsigned NOT NULL CHECK ("order" >= 0), "context_id" integer NOT NULL REFERENCES "wagtail_localize_translationcontext" ("id") DEFERRABLE INITIALLY DEFERRED, "source_id" integer NOT NULL REFERENCES "wagtail_localize_translationsource" ("id") DEFERRABLE INITIALLY DEFERRED, "template_id" integer NOT NULL REFERENCES "wagtail_localize_template" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "wagtail_localize_stringsegment" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "order" integer unsigned NOT NULL CHECK ("order" >= 0), "attrs" text NOT NULL, "context_id" integer NOT NULL REFERENCES "wagtail_localize_translationcontext" ("id") DEFERRABLE INITIALLY DEFERRED, "source_id" integer NOT NULL REFERENCES "wagtail_localize_translationsource" ("id") DEFERRABLE INITIALLY DEFERRED, "string_id" integer NOT NULL REFERENCES "wagtail_localize_string" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "wagtail_localize_relatedobjectsegment" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "order" integer unsigned NOT NULL CHECK ("order" >= 0), "context_id" integer NOT NULL REFERENCES "wagtail_localize_translationcontext" ("id") DEFERRABLE INITIALLY DEFERRED, "object_id" char(32) NOT NULL REFERENCES "wagtail_localize_translatableobject" ("translation_key") DEFERRABLE INITIALLY DEFERRED, "source_id" integer NOT NULL REFERENCES "wagtail_localize_translationsource" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "wagtailcore_comment" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "text" text NOT NULL, "contentpath" text NOT NULL, "position" text NOT NULL, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL, "resolved_at" datetime NULL, "page_id" integer NOT NULL REFERENCES "wagtailcore_page" ("id") DEFERRABLE INITIALLY DEFERRED, "resolved_by_id" bigint NULL REFERENCES "civic_user" ("id") DEFERRABLE INITIALLY DEFERRED, "revision_created_id" integer NULL REFERENCES "wagtailcore_revision" ("id") DEFERRABLE INITIALLY DEFERRED, "user_id" bigint NOT NULL REFERENCES "civic_user" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "wagtailcore_referenceindex" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "object_id" varchar(255) NOT NULL, "to_object_id" varchar(255) NOT NULL, "model_path" text NOT NULL, "content_path" text NOT NULL, "content_path_hash" char(32) NOT NULL, "base_content_type_id" integer NOT NULL REFERENCES "django_content_type" ("id") DEFERRABLE INITIALLY DEFERRED, "content_type_id" integer NOT NULL REFERENCES "django_content_type" ("id") DEFERRABLE INITIALLY DEFERRED, "to_content_type_id" integer NOT NULL REFERENCES "django_content_type" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "wagtailcore_taskstate" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "status" varchar(50) NOT NULL, "started_at" datetime NOT NULL, "finished_at" datetime NULL, "content_type_id" integer NOT NULL REFERENCES "django_content_type" ("id") DEFERRABLE INITIALLY DEFERRED, "task_id" integer NOT NULL REFERENCES "wagtailcore_task" ("id") DEFERRABLE INITIALLY DEFERRED, "workflow_state_id" integer NOT NULL REFERENCES "wagtailcore_workflowstate" ("id") DEFERRABLE INITIALLY DEFERRED, "finished_by_id" bigint NULL REFERENCES "civic_user" ("id") DEFERRABLE INITIALLY DEFERRED, "comment" text NOT NULL, "revision_id" integer NOT NULL REFERENCES "wagtailcore_revision" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "wagtailcore_workflowstate" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "status" varchar(50) NOT NULL, "created_at" datetime NOT NULL, "current_task_state_id" integer NULL UNIQUE REFERENCES "wagtailcore_taskstate" ("id") DEFERRABLE INITIALLY DEFERRED, "requested_by_id" bigint NULL REFERENCES "civic_user" ("id") DEFERRABLE INITIALLY DEFERRED, "workflow_id" integer NOT NULL REFERENCES "wagtailcore_workflow" ("id") DEFERRABLE INITIALLY DEFERRED, "object_id" varchar(255) NOT NULL, "base_content_type_id" integer NOT NULL REFERENCES "django_content_type" ("id") DEFERRABLE INITIALLY DEFERRED, "content_type_id" integer NOT NULL REFERENCES "django_content_type" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "wagtailcore_workflowcontenttype" ("content_type_id" integer NOT NULL PRIMARY KEY REFERENCES "django_content_type" ("id") DEFERRABLE INITIALLY DEFERRED, "workflow_id" integer NOT NULL REFERENCES "wagtailcore_workflow" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "wagtailcore_modellogentry" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "label" text NOT NULL, "action" varchar(255) NOT NULL, "timestamp" datetime NOT NULL, "content_changed" bool NOT NULL, "deleted" bool NOT NULL, "object_id" varchar(255) NOT NULL, "content_type_id" integer NULL REFERENCES "django_content_type" ("id") DEFERRABLE INITIALLY DEFERRED, "user_id" bigint NULL, "uuid" char(32) NULL, "revision_id" integer NULL, "data" text NOT NULL CHECK ((JSON_VALID("data") OR "data" IS NULL)));
CREATE TABLE "wagtailcore_pagelogentry" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "label" text NOT NULL, "action" varchar(255) NOT NULL, "timestamp" datetime NOT NULL, "content_changed" bool NOT NULL, "deleted" bool NOT NULL, "content_type_id" integer NULL REFERENCES "django_content_type" ("id") DEFERRABLE INITIALLY DEFERRED, "page_id" integer NOT NULL, "revision_id" integer NULL, "user_id" bigint NULL, "uuid" char(32) NULL, "data" text NOT NULL CHECK ((JSON_VALID("data") OR "data" IS NULL)));
CREATE TABLE "wagtailcore_grouppagepermission" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "group_id" integer NOT NULL REFERENCES "auth_group" ("id") DEFERRABLE INITIALLY DEFERRED, "page_id" integer NOT NULL REFERENCES "wagtailcore_page" ("id") DEFERRABLE INITIALLY DEFERRED, "permission_id" integer NOT NULL REFERENCES "auth_permission" ("id") DEFERRABLE INITIALLY DEFERRED, CONSTRAINT "unique_permission" UNIQUE ("group_id", "page_id", "permission_id"));
CREATE TABLE "wagtailcore_revision" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "created_at" datetime NOT NULL, "approved_go_live_at" datetime NULL, "user_id" bigint NULL REFERENCES "civic_user" ("id") DEFERRABLE INITIALLY DEFERRED, "content" text NOT NULL CHECK ((JSON_VALID("content") OR "content" IS NULL)), "object_id" varchar(255) NOT NULL, "content_type_id" integer NOT NULL REFERENCES "django_content_type" ("id") DEFERRABLE INITIALLY DEFERRED, "base_content_type_id" integer NOT NULL REFERENCES "django_content_type" ("id") DEFERRABLE INITIALLY DEFERRED, "object_str" text NOT NULL);
CREATE TABLE "wagtailcore_uploadedfile" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "file" varchar(200) NOT NULL, "for_content_type_id" integer NULL REFERENCES "django_content_type" ("id") DEFERRABLE INITIALLY DEFERRED, "uploaded_by_user_id" bigint NULL REFERENCES "civic_user" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "wagtailcore_groupsitepermission" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "group_id" integer NOT NULL REFERENCES "auth_group" ("id") DEFERRABLE INITIALLY DEFERRED, "permission_id" integer NOT NULL REFERENCES "auth_permission" ("id") DEFERRABLE INITIALLY DEFERRED, "site_id" integer NOT NULL REFERENCES "wagtailcore_site" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "wagtailcore_apitoken" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(255) NOT NULL, "key_hash" varchar(64) NOT NULL UNIQUE, "prefix" varchar(16) NOT NULL, "created" datetime NOT NULL, "revoked_at" datetime NULL, "last_used_at" datetime NULL, "user_id" bigint NOT NULL REFERENCES "civic_user" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "mapping_area" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(120) NOT NULL, "slug" varchar(120) NOT NULL UNIQUE, "kind" varchar(10) NOT NULL, "code" varchar(20) NOT NULL, "geometry" text NOT NULL CHECK ((JSON_VALID("geometry") OR "geometry" IS NULL)), "max_lat" real NULL, "max_lon" real NULL, "min_lat" real NULL, "min_lon" real NULL);
CREATE TABLE "wagtaildocs_document" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "title" varchar(255) NOT NULL, "file" varchar(100) NOT NULL, "created_at" datetime NOT NULL, "uploaded_by_user_id" bigint NULL REFERENCES "civic_user" ("id") DEFERRABLE INITIALLY DEFERRED, "collection_id" integer NOT NULL REFERENCES "wagtailcore_collection" ("id") DEFERRABLE INITIALLY DEFERRED, "file_hash" varchar(40) NOT NULL, "file_size" bigint unsigned NULL CHECK ("file_size" >= 0));
CREATE TABLE "wagtailadmin_admin" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT);
CREATE TABLE "wagtailadmin_editingsession" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "object_id" varchar(255) NOT NULL, "last_seen_at" datetime NOT NULL, "content_type_id" integer NOT NULL REFERENCES "django_content_type" ("id") DEFERRABLE INITIALLY DEFERRED, "user_id" bigint NOT NULL REFERENCES "civic_user" ("id") DEFERRABLE INITIALLY DEFERRED, "is_editing" bool NOT NULL);
CREATE TABLE "wagtailadmin_formstate" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "data" text NOT NULL, "object_id" varchar(255) NOT NULL, "parent_object_id" varchar(255) NOT NULL, "last_updated_at" datetime NOT NULL, "content_type_id" integer NOT NULL REFERENCES "django_content_type" ("id") DEFERRABLE INITIALLY DEFERRED, "user_id" bigint NOT NULL REFERENCES "civic_user" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "consultations_consultationindexpage" ("page_ptr_id" integer NOT NULL PRIMARY KEY REFERENCES "wagtailcore_page" ("id") DEFERRABLE INITIALLY DEFERRED, "intro" text NOT NULL);
CREATE TABLE "consultations_topic" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(80) NOT NULL UNIQUE, "slug" varchar(80) NOT NULL UNIQUE);
CREATE TABLE "consultations_consultationpage_partner_organisations" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "consultationpage_id" integer NOT NULL REFERENCES "consultations_consultationpage" ("page_ptr_id") DEFERRABLE INITIALLY DEFERRED, "organisation_id" bigint NOT NULL REFERENCES "civic_organisation" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "consultations_consultationpage_topics" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "consultationpage_id" integer NOT NULL REFERENCES "consultations_consultationpage" ("page_ptr_id") DEFERRABLE INITIALLY DEFERRED, "topic_id" bigint NOT NULL REFERENCES "consultations_topic" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "civic_homepage" ("page_ptr_id" integer NOT NULL PRIMARY KEY REFERENCES "wagtailcore_page" ("id") DEFERRABLE INITIALLY DEFERRED, "intro" text NOT NULL);
CREATE TABLE "mapping_issuecategory" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(100) NOT NULL, "slug" varchar(100) NOT NULL UNIQUE, "service_code" varchar(40) NOT NULL UNIQUE, "description" varchar(300) NOT NULL, "group" varchar(60) NOT NULL, "keywords" varchar(200) NOT NULL, "active" bool NOT NULL, "organisation_id" bigint NOT NULL REFERENCES "civic_organisation" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "mapping_partnerapikey" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(100) NOT NULL, "key_hash" varchar(64) NOT NULL UNIQUE, "active" bool NOT NULL, "created_at" datetime NOT NULL, "organisation_id" bigint NOT NULL REFERENCES "civic_organisation" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "mapping_issuereport_followers" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "issuereport_id" bigint NOT NULL REFERENCES "mapping_issuereport" ("id") DEFERRABLE INITIALLY DEFERRED, "user_id" bigint NOT NULL REFERENCES "civic_user" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "mapping_statuschange" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "from_status" varchar(20) NOT NULL, "to_status" varchar(20) NOT NULL, "note" text NOT NULL, "created_at" datetime NOT NULL, "officer_id" bigint NULL REFERENCES "civic_user" ("id") DEFERRABLE INITIALLY DEFERRED, "report_id" bigint NOT NULL REFERENCES "mapping_issuereport" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "mapping_gazetteerentry" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(150) NOT NULL, "kind" varchar(10) NOT NULL, "latitude" real NOT NULL, "longitude" real NOT NULL, "ward_id" bigint NULL REFERENCES "mapping_area" ("id") DEFERRABLE INITIALLY DEFERRED, CONSTRAINT "unique_gazetteer_name" UNIQUE ("name", "kind"));
CREATE TABLE "civic_participantprofile" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "consented_at" datetime NULL, "age_band" varchar(20) NOT NULL, "disability" varchar(20) NOT NULL, "ethnicity" varchar(20) NOT NULL, "updated_at" datetime NOT NULL, "user_id" bigint NOT NULL UNIQUE REFERENCES "civic_user" ("id") DEFERRABLE INITIALLY DEFERRED, "ward_id" bigint NULL REFERENCES "mapping_area" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "civic_wardcouncillor" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "user_id" bigint NOT NULL UNIQUE REFERENCES "civic_user" ("id") DEFERRABLE INITIALLY DEFERRED, "ward_id" bigint NOT NULL REFERENCES "mapping_area" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "civic_organisation" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(200) NOT NULL UNIQUE, "slug" varchar(80) NOT NULL UNIQUE, "kind" varchar(20) NOT NULL, "website" varchar(200) NOT NULL, "description" text NOT NULL, "collection_id" integer NULL UNIQUE REFERENCES "wagtailcore_collection" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "civic_informationpage" ("page_ptr_id" integer NOT NULL PRIMARY KEY REFERENCES "wagtailcore_page" ("id") DEFERRABLE INITIALLY DEFERRED, "kind" varchar(20) NOT NULL, "intro" text NOT NULL, "body" text NOT NULL CHECK ((JSON_VALID("body") OR "body" IS NULL)));
CREATE TABLE "civic_notification" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "kind" varchar(40) NOT NULL, "title" varchar(200) NOT NULL, "body" text NOT NULL, "url" varchar(500) NOT NULL, "dedupe_key" varchar(120) NOT NULL, "email" varchar(12) NOT NULL, "created_at" datetime NOT NULL, "read_at" datetime NULL, "emailed_at" datetime NULL, "recipient_id" bigint NOT NULL REFERENCES "civic_user" ("id") DEFERRABLE INITIALLY DEFERRED, CONSTRAINT "unique_notification_per_event" UNIQUE ("recipient_id", "dedupe_key"));
CREATE TABLE "civic_notificationpreference" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "kind" varchar(40) NOT NULL, "frequency" varchar(12) NOT NULL, "updated_at" datetime NOT NULL, "user_id" bigint NOT NULL REFERENCES "civic_user" ("id") DEFERRABLE INITIALLY DEFERRED, CONSTRAINT "unique_notification_preference" UNIQUE ("user_id", "kind"));
CREATE TABLE "civic_brand" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "site_name" varchar(80) NOT NULL, "primary_colour" varchar(7) NOT NULL, "footer_links" text NOT NULL CHECK ((JSON_VALID("footer_links") OR "footer_links" IS NULL)), "email_sender_name" varchar(80) NOT NULL, "logo_id" integer NULL REFERENCES "wagtailimages_image" ("id") DEFERRABLE INITIALLY DEFERRED, "site_id" integer NOT NULL UNIQUE REFERENCES "wagtailcore_site" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "api_apitoken" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(100) NOT NULL, "scopes" text NOT NULL CHECK ((JSON_VALID("scopes") OR "scopes" IS NULL)), "prefix" varchar(16) NOT NULL, "key_hash" varchar(64) NOT NULL UNIQUE, "created_at" datetime NOT NULL, "last_used_at" datetime NULL, "revoked_at" datetime NULL, "created_by_id" bigint NULL REFERENCES "civic_user" ("id") DEFERRABLE INITIALLY DEFERRED, "organisation_id" bigint NOT NULL REFERENCES "civic_organisation" ("id") DEFERRABLE INITIALLY DEFERRED, "user_id" bigint NULL REFERENCES "civic_user" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "wagtail_localize_translation" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "uuid" char(32) NOT NULL UNIQUE, "created_at" datetime NOT NULL, "translations_last_updated_at" datetime NULL, "destination_last_updated_at" datetime NULL, "enabled" bool NOT NULL, "source_id" integer NOT NULL REFERENCES "wagtail_localize_translationsource" ("id") DEFERRABLE INITIALLY DEFERRED, "target_locale_id" integer NOT NULL REFERENCES "wagtailcore_locale" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "wagtail_localize_stringtranslation" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "data" text NOT NULL, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL, "context_id" integer NULL REFERENCES "wagtail_localize_translationcontext" ("id") DEFERRABLE INITIALLY DEFERRED, "locale_id" integer NOT NULL REFERENCES "wagtailcore_locale" ("id") DEFERRABLE INITIALLY DEFERRED, "translation_of_id" integer NOT NULL REFERENCES "wagtail_localize_string" ("id") DEFERRABLE INITIALLY DEFERRED, "tool_name" varchar(255) NOT NULL, "translation_type" varchar(20) NOT NULL, "last_translated_by_id" bigint NULL REFERENCES "civic_user" ("id") DEFERRABLE INITIALLY DEFERRED, "field_error" text NOT NULL, "has_error" bool NOT NULL);
CREATE TABLE "wagtail_localize_overridablesegment" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "order" integer unsigned NOT NULL CHECK ("order" >= 0), "data_json" text NOT NULL, "context_id" integer NOT NULL REFERENCES "wagtail_localize_translationcontext" ("id") DEFERRABLE INITIALLY DEFERRED, "source_id" integer NOT NULL REFERENCES "wagtail_localize_translationsource" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "wagtail_localize_segmentoverride" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL, "data_json" text NOT NULL, "has_error" bool NOT NULL, "field_error" text NOT NULL, "context_id" integer NULL REFERENCES "wagtail_localize_translationcontext" ("id") DEFERRABLE INITIALLY DEFERRED, "last_translated_by_id" bigint NULL REFERENCES "civic_user" ("id") DEFERRABLE INITIALLY DEFERRED, "locale_id" integer NOT NULL REFERENCES "wagtailcore_locale" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "wagtail_localize_localesynchronization" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "locale_id" integer NOT NULL UNIQUE REFERENCES "wagtailcore_locale" ("id") DEFERRABLE INITIALLY DEFERRED, "sync_from_id" integer NOT NULL REFERENCES "wagtailcore_locale" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "wagtail_localize_translationsource" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "object_repr" text NOT NULL, "content_json" text NOT NULL, "created_at" datetime NOT NULL, "locale_id" integer NOT NULL REFERENCES "wagtailcore_locale" ("id") DEFERRABLE INITIALLY DEFERRED, "object_id" char(32) NOT NULL REFERENCES "wagtail_localize_translatableobject" ("translation_key") DEFERRABLE INITIALLY DEFERRED, "specific_content_type_id" integer NOT NULL REFERENCES "django_content_type" ("id") DEFERRABLE INITIALLY DEFERRED, "last_updated_at" datetime NOT NULL, "schema_version" varchar(255) NOT NULL);
CREATE TABLE "wagtail_localize_translationcontext" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "path_id" char(32) NOT NULL, "path" text NOT NULL, "object_id" char(32) NOT NULL REFERENCES "wagtail_localize_translatableobject" ("translation_key") DEFERRABLE INITIALLY DEFERRED, "field_path" text NOT NULL);
CREATE TABLE "wagtail_localize_translationlog" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "created_at" datetime NOT NULL, "locale_id" integer NOT NULL REFERENCES "wagtailcore_locale" ("id") DEFERRABLE INITIALLY DEFERRED, "source_id" integer NOT NULL REFERENCES "wagtail_localize_translationsource" ("id") DEFERRABLE INITIALLY DEFERRED, "revision_id" integer NULL REFERENCES "wagtailcore_revision" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "civic_personaldataexport" ("id" char(32) NOT NULL PRIMARY KEY, "status" varchar(10) NOT NULL, "file_name" varchar(200) NOT NULL, "requested_at" datetime NOT NULL, "ready_at" datetime NULL, "expires_at" datetime NULL, "downloaded_at" datetime NULL, "user_id" bigint NOT NULL REFERENCES "civic_user" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "civic_address" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "ref" varchar(80) NOT NULL, "kind" varchar(10) NOT NULL, "name" varchar(200) NOT NULL, "context" varchar(200) NOT NULL, "postcode" varchar(10) NOT NULL, "key" varchar(100) NOT NULL, "skeleton" varchar(100) NOT NULL, "latitude" real NOT NULL, "longitude" real NOT NULL, "ward_id" bigint NULL REFERENCES "mapping_area" ("id") DEFERRABLE INITIALLY DEFERRED, "tail" varchar(100) NOT NULL, CONSTRAINT "civic_address_unique_ref" UNIQUE ("ref"));
CREATE TABLE "civic_user" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "password" varchar(128) NOT NULL, "last_login" datetime NULL, "is_superuser" bool NOT NULL, "username" varchar(150) NOT NULL UNIQUE, "first_name" varchar(150) NOT NULL, "last_name" varchar(150) NOT NULL, "email" varchar(254) NOT NULL, "is_staff" bool NOT NULL, "is_active" bool NOT NULL, "date_joined" datetime NOT NULL, "display_name" varchar(50) NOT NULL, "suspended_until" datetime NULL, "suspension_reason" varchar(500) NOT NULL, "organisation_id" bigint NULL REFERENCES "civic_organisation" ("id") DEFERRABLE INITIALLY DEFERRED, "auto_follow" bool NOT NULL, "language" varchar(15) NOT NULL);
CREATE TABLE "consultations_livesequence" ("consultation_id" integer NOT NULL PRIMARY KEY REFERENCES "consultations_consultationpage" ("page_ptr_id") DEFERRABLE INITIALLY DEFERRED, "last_seq" bigint unsigned NOT NULL CHECK ("last_seq" >= 0));
CREATE TABLE "consultations_liveevent" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "seq" bigint unsigned NOT NULL CHECK ("seq" >= 0), "type" varchar(40) NOT NULL, "html" text NULL, "data" text NOT NULL CHECK ((JSON_VALID("data") OR "data" IS NULL)), "created_at" datetime NOT NULL, "consultation_id" integer NOT NULL REFERENCES "consultations_consultationpage" ("page_ptr_id") DEFERRABLE INITIALLY DEFERRED, CONSTRAINT "live_event_unique_seq" UNIQUE ("consultation_id", "seq"));
CREATE TABLE "consultations_populationbaseline" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "dimension" varchar(20) NOT NULL, "category" varchar(120) NOT NULL, "population" integer unsigned NOT NULL CHECK ("population" >= 0), CONSTRAINT "baseline_unique_group" UNIQUE ("dimension", "category"));
CREATE TABLE "consultations_theme" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "label" varchar(200) NOT NULL, "machine_label" varchar(200) NOT NULL, "key_terms" text NOT NULL CHECK ((JSON_VALID("key_terms") OR "key_terms" IS NULL)), "is_other" bool NOT NULL, "position" integer unsigned NOT NULL CHECK ("position" >= 0), "signed_off_at" datetime NULL, "created_at" datetime NOT NULL, "consultation_id" integer NOT NULL REFERENCES "consultations_consultationpage" ("page_ptr_id") DEFERRABLE INITIALLY DEFERRED, "signed_off_by_id" bigint NULL REFERENCES "civic_user" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "consultations_feedbackresponse" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "you_said" text NOT NULL, "we_did" text NOT NULL, "published_at" datetime NOT NULL, "notified_at" datetime NULL, "notified_count" integer unsigned NOT NULL CHECK ("notified_count" >= 0), "consultation_id" integer NOT NULL REFERENCES "consultations_consultationpage" ("page_ptr_id") DEFERRABLE INITIALLY DEFERRED, "created_by_id" bigint NULL REFERENCES "civic_user" ("id") DEFERRABLE INITIALLY DEFERRED, "proposal_id" integer NULL REFERENCES "consultations_proposalpage" ("page_ptr_id") DEFERRABLE INITIALLY DEFERRED, "theme_id" bigint NULL REFERENCES "consultations_theme" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "consultations_themerun" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "status" varchar(10) NOT NULL, "requested_at" datetime NOT NULL, "finished_at" datetime NULL, "comment_count" integer unsigned NOT NULL CHECK ("comment_count" >= 0), "error" varchar(500) NOT NULL, "consultation_id" integer NOT NULL UNIQUE REFERENCES "consultations_consultationpage" ("page_ptr_id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "consultations_thememembership" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "weight" real NOT NULL, "quote_rank" smallint unsigned NULL CHECK ("quote_rank" >= 0), "comment_id" bigint NOT NULL UNIQUE REFERENCES "consultations_comment" ("id") DEFERRABLE INITIALLY DEFERRED, "theme_id" bigint NOT NULL REFERENCES "consultations_theme" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "consultations_consultationpage" ("page_ptr_id" integer NOT NULL PRIMARY KEY REFERENCES "wagtailcore_page" ("id") DEFERRABLE INITIALLY DEFERRED, "summary" text NOT NULL, "body" text NOT NULL CHECK ((JSON_VALID("body") OR "body" IS NULL)), "opens_at" datetime NOT NULL, "closes_at" datetime NOT NULL, "results_published" bool NOT NULL, "results" text NOT NULL, "how_to_take_part" text NOT NULL, "moderation_policy" varchar(4) NOT NULL, "lead_organisation_id" bigint NOT NULL REFERENCES "civic_organisation" ("id") DEFERRABLE INITIALLY DEFERRED, "flag_threshold" smallint unsigned NOT NULL CHECK ("flag_threshold" >= 0));
CREATE TABLE "consultations_moderationdecision" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "decision" varchar(10) NOT NULL, "reason" varchar(20) NOT NULL, "note" text NOT NULL, "previous_status" varchar(10) NOT NULL, "created_at" datetime NOT NULL, "comment_id" bigint NOT NULL REFERENCES "consultations_comment" ("id") DEFERRABLE INITIALLY DEFERRED, "consultation_id" integer NOT NULL REFERENCES "consultations_consultationpage" ("page_ptr_id") DEFERRABLE INITIALLY DEFERRED, "moderator_id" bigint NULL REFERENCES "civic_user" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "consultations_flag" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "reason" varchar(20) NOT NULL, "note" varchar(500) NOT NULL, "created_at" datetime NOT NULL, "comment_id" bigint NOT NULL REFERENCES "consultations_comment" ("id") DEFERRABLE INITIALLY DEFERRED, "user_id" bigint NULL REFERENCES "civic_user" ("id") DEFERRABLE INITIALLY DEFERRED, CONSTRAINT "one_flag_per_user" UNIQUE ("comment_id", "user_id"));
CREATE TABLE "consultations_vote" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "choice" varchar(10) NOT NULL, "channel" varchar(10) NOT NULL, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL, "proposal_id" integer NOT NULL REFERENCES "consultations_proposalpage" ("page_ptr_id") DEFERRABLE INITIALLY DEFERRED, "user_id" bigint NULL REFERENCES "civic_user" ("id") DEFERRABLE INITIALLY DEFERRED, CONSTRAINT "one_vote_per_user" UNIQUE ("proposal_id", "user_id"));
CREATE TABLE "consultations_follow" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "created_at" datetime NOT NULL, "page_id" integer NOT NULL REFERENCES "wagtailcore_page" ("id") DEFERRABLE INITIALLY DEFERRED, "user_id" bigint NOT NULL REFERENCES "civic_user" ("id") DEFERRABLE INITIALLY DEFERRED, CONSTRAINT "one_follow_per_page" UNIQUE ("page_id", "user_id"));
CREATE TABLE "consultations_consultationpage_wards" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "consultationpage_id" integer NOT NULL REFERENCES "consultations_consultationpage" ("page_ptr_id") DEFERRABLE INITIALLY DEFERRED, "area_id" bigint NOT NULL REFERENCES "mapping_area" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "consultations_alerttopic" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "topic_id" bigint NOT NULL REFERENCES "consultations_topic" ("id") DEFERRABLE INITIALLY DEFERRED, "user_id" bigint NOT NULL REFERENCES "civic_user" ("id") DEFERRABLE INITIALLY DEFERRED, CONSTRAINT "one_alert_per_topic" UNIQUE ("user_id", "topic_id"));
CREATE TABLE "consultations_conversationpage" ("page_ptr_id" integer NOT NULL PRIMARY KEY REFERENCES "wagtailcore_page" ("id") DEFERRABLE INITIALLY DEFERRED, "question" varchar(200) NOT NULL, "intro" text NOT NULL, "seed_statements" text NOT NULL, "moderation_policy" varchar(4) NOT NULL, "opens_at" datetime NOT NULL, "closes_at" datetime NOT NULL);
CREATE TABLE "consultations_opinionresult" ("conversation_id" integer NOT NULL PRIMARY KEY REFERENCES "consultations_conversationpage" ("page_ptr_id") DEFERRABLE INITIALLY DEFERRED, "data" text NOT NULL CHECK ((JSON_VALID("data") OR "data" IS NULL)), "computed_at" datetime NULL, "seconds" real NOT NULL, "enqueued_at" datetime NULL);
CREATE TABLE "consultations_statement" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "text" varchar(500) NOT NULL, "is_seed" bool NOT NULL, "status" varchar(10) NOT NULL, "created_at" datetime NOT NULL, "moderated_at" datetime NULL, "author_id" bigint NULL REFERENCES "civic_user" ("id") DEFERRABLE INITIALLY DEFERRED, "conversation_id" integer NOT NULL REFERENCES "consultations_conversationpage" ("page_ptr_id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "consultations_opinionvote" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "former_participant" char(32) NULL, "value" smallint NOT NULL, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL, "conversation_id" integer NOT NULL REFERENCES "consultations_conversationpage" ("page_ptr_id") DEFERRABLE INITIALLY DEFERRED, "user_id" bigint NULL REFERENCES "civic_user" ("id") DEFERRABLE INITIALLY DEFERRED, "statement_id" bigint NOT NULL REFERENCES "consultations_statement" ("id") DEFERRABLE INITIALLY DEFERRED, CONSTRAINT "one_opinion_vote_per_user" UNIQUE ("statement_id", "user_id"));
CREATE TABLE "consultations_questionwording" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "question_id" varchar(64) NOT NULL, "digest" varchar(16) NOT NULL, "label" varchar(300) NOT NULL, "options" text NOT NULL CHECK ((JSON_VALID("options") OR "options" IS NULL)), "published_at" datetime NOT NULL, "survey_id" integer NOT NULL REFERENCES "consultations_surveypage" ("page_ptr_id") DEFERRABLE INITIALLY DEFERRED, CONSTRAINT "one_wording_per_digest" UNIQUE ("survey_id", "question_id", "digest"));
CREATE TABLE "consultations_surveypage" ("page_ptr_id" integer NOT NULL PRIMARY KEY REFERENCES "wagtailcore_page" ("id") DEFERRABLE INITIALLY DEFERRED, "intro" text NOT NULL, "questions" text NOT NULL CHECK ((JSON_VALID("questions") OR "questions" IS NULL)), "layout" varchar(10) NOT NULL, "allow_anonymous" bool NOT NULL, "confirm_by_email" bool NOT NULL);
CREATE TABLE "consultations_surveyanswertheme" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "question_id" varchar(64) NOT NULL, "weight" real NOT NULL, "quote_rank" smallint unsigned NULL CHECK ("quote_rank" >= 0), "response_id" bigint NOT NULL REFERENCES "consultations_surveyresponse" ("id") DEFERRABLE INITIALLY DEFERRED, "theme_id" bigint NOT NULL REFERENCES "consultations_theme" ("id") DEFERRABLE INITIALLY DEFERRED, CONSTRAINT "one_theme_per_survey_answer" UNIQUE ("response_id", "question_id"));
CREATE TABLE "consultations_proposalpage" ("page_ptr_id" integer NOT NULL PRIMARY KEY REFERENCES "wagtailcore_page" ("id") DEFERRABLE INITIALLY DEFERRED, "problem" text NOT NULL, "who_it_affects" text NOT NULL, "location_name" varchar(200) NOT NULL, "latitude" decimal NULL, "longitude" decimal NULL, "proposed_change" text NOT NULL CHECK ((JSON_VALID("proposed_change") OR "proposed_change" IS NULL)));
CREATE TABLE "consultations_comment" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "body" text NOT NULL, "stance" varchar(10) NOT NULL, "status" varchar(10) NOT NULL, "channel" varchar(10) NOT NULL, "client_token" char(32) NULL, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL, "author_id" bigint NULL REFERENCES "civic_user" ("id") DEFERRABLE INITIALLY DEFERRED, "consultation_id" integer NOT NULL REFERENCES "consultations_consultationpage" ("page_ptr_id") DEFERRABLE INITIALLY DEFERRED, "proposal_id" integer NULL REFERENCES "consultations_proposalpage" ("page_ptr_id") DEFERRABLE INITIALLY DEFERRED, "consent_recorded" bool NOT NULL, "entered_by_id" bigint NULL REFERENCES "civic_user" ("id") DEFERRABLE INITIALLY DEFERRED, "flag_count" integer unsigned NOT NULL CHECK ("flag_count" >= 0), "is_official" bool NOT NULL, "locked" bool NOT NULL, "needs_review" bool NOT NULL, "organisation_id" bigint NULL REFERENCES "civic_organisation" ("id") DEFERRABLE INITIALLY DEFERRED, "pinned" bool NOT NULL, "queued_at" datetime NULL, "respondent_name" varchar(120) NOT NULL, "respondent_postcode" varchar(10) NOT NULL, "sla_alerted" bool NOT NULL, "former_author" char(32) NULL, "paragraph" varchar(36) NOT NULL, "paragraph_text" text NOT NULL, "language" varchar(12) NOT NULL, "parent_id" bigint NULL REFERENCES "consultations_comment" ("id") DEFERRABLE INITIALLY DEFERRED, CONSTRAINT "comment_unique_client_token" UNIQUE ("author_id", "client_token"));
CREATE TABLE "consultations_surveyresponse" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "answers" text NOT NULL CHECK ((JSON_VALID("answers") OR "answers" IS NULL)), "draft" text NULL CHECK ((JSON_VALID("draft") OR "draft" IS NULL)), "channel" varchar(10) NOT NULL, "submitted_at" datetime NULL, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL, "survey_id" integer NOT NULL REFERENCES "consultations_surveypage" ("page_ptr_id") DEFERRABLE INITIALLY DEFERRED, "user_id" bigint NULL REFERENCES "civic_user" ("id") DEFERRABLE INITIALLY DEFERRED, "wording" text NOT NULL CHECK ((JSON_VALID("wording") OR "wording" IS NULL)), "awaiting_confirmation" bool NOT NULL, "consent_recorded" bool NOT NULL, "contact_email" varchar(254) NOT NULL, "email_digest" varchar(64) NOT NULL, "entered_by_id" bigint NULL REFERENCES "civic_user" ("id") DEFERRABLE INITIALLY DEFERRED, "respondent_name" varchar(120) NOT NULL, "respondent_postcode" varchar(10) NOT NULL, "respondent_token" char(32) NULL, "language" varchar(12) NOT NULL, CONSTRAINT "one_survey_response_per_user" UNIQUE ("survey_id", "user_id"), CONSTRAINT "one_survey_response_per_session" UNIQUE ("survey_id", "respondent_token"));
CREATE TABLE "django_tasks_database_dbtaskresult" ("id" char(32) NOT NULL PRIMARY KEY, "args_kwargs" text NOT NULL CHECK ((JSON_VALID("args_kwargs") OR "args_kwargs" IS NULL)), "priority" integer NOT NULL, "task_path" text NOT NULL, "queue_name" varchar(32) NOT NULL, "backend_name" varchar(32) NOT NULL, "run_after" datetime NOT NULL, "enqueued_at" datetime NOT NULL, "finished_at" datetime NULL, "started_at" datetime NULL, "return_value" text NULL CHECK ((JSON_VALID("return_value") OR "return_value" IS NULL)), "exception_class_path" text NOT NULL, "traceback" text NOT NULL, "worker_ids" text NOT NULL CHECK ((JSON_VALID("worker_ids") OR "worker_ids" IS NULL)), "status" varchar(10) NOT NULL, CONSTRAINT "priority_range" CHECK ("priority" BETWEEN -100 AND 100));
CREATE TABLE "mapping_issuereport" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "title" varchar(120) NOT NULL, "description" text NOT NULL, "latitude" real NOT NULL, "longitude" real NOT NULL, "location_text" varchar(200) NOT NULL, "photo" varchar(100) NOT NULL, "contact_email" varchar(254) NOT NULL, "status" varchar(20) NOT NULL, "source" varchar(10) NOT NULL, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL, "category_id" bigint NOT NULL REFERENCES "mapping_issuecategory" ("id") DEFERRABLE INITIALLY DEFERRED, "organisation_id" bigint NOT NULL REFERENCES "civic_organisation" ("id") DEFERRABLE INITIALLY DEFERRED, "reporter_id" bigint NULL REFERENCES "civic_user" ("id") DEFERRABLE INITIALLY DEFERRED, "ward_id" bigint NULL REFERENCES "mapping_area" ("id") DEFERRABLE INITIALLY DEFERRED, "partner_id" bigint NULL REFERENCES "mapping_partnerapikey" ("id") DEFERRABLE INITIALLY DEFERRED, "hidden_at" datetime NULL, "awaiting_confirmation" bool NOT NULL, "contact_name" varchar(100) NOT NULL, "language" varchar(12) NOT NULL, "duplicate_of_id" bigint NULL REFERENCES "mapping_issuereport" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "mfa_authenticator" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "type" varchar(20) NOT NULL, "data" text NOT NULL CHECK ((JSON_VALID("data") OR "data" IS NULL)), "user_id" bigint NOT NULL REFERENCES "civic_user" ("id") DEFERRABLE INITIALLY DEFERRED, "created_at" datetime NOT NULL, "last_used_at" datetime NULL);
CREATE TABLE "search_indexbuild" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "index" varchar(120) NOT NULL UNIQUE, "started_at" datetime NOT NULL);
CREATE TABLE "search_pendingupdate" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "key" varchar(60) NOT NULL, "index" varchar(120) NOT NULL, "attempts" integer unsigned NOT NULL CHECK ("attempts" >= 0), "last_error" text NOT NULL, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL, CONSTRAINT "pending_update_unique_key" UNIQUE ("key", "index"));
CREATE TABLE "search_searchentry_organisations" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "searchentry_id" bigint NOT NULL REFERENCES "search_searchentry" ("id") DEFERRABLE INITIALLY DEFERRED, "organisation_id" bigint NOT NULL REFERENCES "civic_organisation" ("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "search_savedsearch" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(80) NOT NULL, "query" varchar(2000) NOT NULL, "created_at" datetime NOT NULL, "owner_id" bigint NOT NULL REFERENCES "civic_user" ("id") DEFERRABLE INITIALLY DEFERRED, CONSTRAINT "saved_search_unique_name" UNIQUE ("owner_id", "name"));
CREATE VIRTUAL TABLE search_fts USING fts5(
        title, text, content='search_searchentry', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2');
CREATE TABLE "search_searchentry" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "key" varchar(60) NOT NULL UNIQUE, "type" varchar(20) NOT NULL, "object_id" bigint NOT NULL, "title" varchar(300) NOT NULL, "text" text NOT NULL, "url" varchar(500) NOT NULL, "consultation_id" bigint NULL, "consultation_title" varchar(300) NOT NULL, "ward" varchar(120) NOT NULL, "stance" varchar(20) NOT NULL, "moderation_state" varchar(20) NOT NULL, "status" varchar(30) NOT NULL, "author" varchar(100) NOT NULL, "created" datetime NOT NULL, "latitude" real NULL, "longitude" real NULL, "language" varchar(10) NOT NULL, "search_vector" text NULL, "organisation_key" varchar(200) NOT NULL);
CREATE TABLE "search_queueddocument" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "key" varchar(60) NOT NULL, "queued_at" datetime NOT NULL);
CREATE TABLE "django_session" ("session_key" varchar(40) NOT NULL PRIMARY KEY, "session_data" text NOT NULL, "expire_date" datetime NOT NULL);
CREATE TABLE "taggit_taggeditem" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "object_id" integer NOT NULL, "content_type_id" integer NOT NULL REFERENCES "django_content_type" ("id") DEFERRABLE INITIALLY DEFERRED, "tag_id" integer NOT NULL REFERENCES "taggit_tag" ("id") DEFERRABLE INITIALLY DEFERRED, CONSTRAINT "taggit_taggeditem_content_type_id_object_id_tag_id_4bb97a8e_uniq" UNIQUE ("content_type_id", "object_id", "tag_id"));
CREATE TABLE "taggit_tag" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(100) NOT NULL UNIQUE, "slug" varchar(100) NOT NULL UNIQUE);
CREATE TABLE "wagtailembeds_embed" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "url" text NOT NULL, "max_width" smallint NULL, "type" varchar(10) NOT NULL, "html" text NOT NULL, "title" text NOT NULL, "author_name" text NOT NULL, "provider_name" text NOT NULL, "width" integer NULL, "height" integer NULL, "last_updated" datetime NOT NULL, "hash" varchar(32) NOT NULL UNIQUE, "thumbnail_url" text NOT NULL, "cache_until" datetime NULL);
CREATE TABLE "wagtailforms_formsubmission" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "submit_time" datetime NOT NULL, "page_id" integer NOT NULL REFERENCES "wagtailcore_page" ("id") DEFERRABLE INITIALLY DEFERRED, "form_data" text NOT NULL CHECK ((JSON_VALID("form_data") OR "form_data" IS NULL)));
CREATE TABLE "wagtailredirects_redirect" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "old_path" varchar(255) NOT NULL, "is_permanent" bool NOT NULL, "redirect_link" varchar(255) NOT NULL, "redirect_page_id" integer NULL REFERENCES "wagtailcore_page" ("id") DEFERRABLE INITIALLY DEFERRED, "site_id" integer NULL REFERENCES "wagtailcore_site" ("id") DEFERRABLE INITIALLY DEFERRED, "automatically_created" bool NOT NULL, "created_at" datetime NULL, "redirect_page_route_path" varchar(255) NOT NULL);
CREATE TABLE "wagtailsearch_indexentry" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "object_id" varchar(50) NOT NULL, "title_norm" real NOT NULL, "content_type_id" integer NOT NULL REFERENCES "django_content_type" ("id") DEFERRABLE INITIALLY DEFERRED, "autocomplete" text NULL, "body" text NULL, "title" text NOT NULL);
CREATE VIRTUAL TABLE wagtailsearch_indexentry_fts USING fts5(autocomplete, body, title);
CREATE TABLE "wagtailusers_userprofile" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "submitted_notifications" bool NOT NULL, "approved_notifications" bool NOT NULL, "rejected_notifications" bool NOT NULL, "user_id" bigint NOT NULL UNIQUE REFERENCES "civic_user" ("id") DEFERRABLE INITIALLY DEFERRED, "preferred_language" varchar(10) NOT NULL, "current_time_zone" varchar(40) NOT NULL, "avatar" varchar(100) NOT NULL, "updated_comments_notifications" bool NOT NULL, "dismissibles" text NOT NULL CHECK ((JSON_VALID("dismissibles") OR "dismissibles" IS NULL)), "theme" varchar(40) NOT NULL, "density" varchar(40) NOT NULL, "contrast" varchar(40) NOT NULL, "keyboard_shortcuts" bool NOT NULL);
CREATE UNIQUE INDEX "django_content_type_app_label_model_76bd3d3b_uniq" ON "django_content_type" ("app_label", "model");
CREATE UNIQUE INDEX "auth_group_permissions_group_id_permission_id_0cd325b0_uniq" ON "auth_group_permissions" ("group_id", "permission_id");
CREATE INDEX "auth_group_permissions_group_id_b120cbf9" ON "auth_group_permissions" ("group_id");
CREATE INDEX "auth_group_permissions_permission_id_84c5c92e" ON "auth_group_permissions" ("permission_id");
CREATE UNIQUE INDEX "auth_permission_content_type_id_codename_01ab375a_uniq" ON "auth_permission" ("content_type_id", "codename");
CREATE INDEX "auth_permission_content_type_id_2f476e4b" ON "auth_permission" ("content_type_id");
CREATE UNIQUE INDEX "civic_user_groups_user_id_group_id_ed65534f_uniq" ON "civic_user_groups" ("user_id", "group_id");
CREATE INDEX "civic_user_groups_user_id_0074e9c9" ON "civic_user_groups" ("user_id");
CREATE INDEX "civic_user_groups_group_id_5cf3da65" ON "civic_user_groups" ("group_id");
CREATE UNIQUE INDEX "civic_user_user_permissions_user_id_permission_id_e7e6fe1c_uniq" ON "civic_user_user_permissions" ("user_id", "permission_id");
CREATE INDEX "civic_user_user_permissions_user_id_2caa800e" ON "civic_user_user_permissions" ("user_id");
CREATE INDEX "civic_user_user_permissions_permission_id_7b63d9bb" ON "civic_user_user_permissions" ("permission_id");
CREATE INDEX "account_emailconfirmation_email_address_id_5b7f8c58" ON "account_emailconfirmation" ("email_address_id");
CREATE UNIQUE INDEX "account_emailaddress_user_id_email_987c8728_uniq" ON "account_emailaddress" ("user_id", "email");
CREATE UNIQUE INDEX "unique_verified_email" ON "account_emailaddress" ("email") WHERE "verified" = 1;
CREATE INDEX "account_emailaddress_user_id_2c513194" ON "account_emailaddress" ("user_id");
CREATE INDEX "account_emailaddress_email_03be32b2" ON "account_emailaddress" ("email");
CREATE UNIQUE INDEX "unique_primary_email" ON "account_emailaddress" ("user_id", "primary") WHERE "primary" = 1;
CREATE INDEX "django_admin_log_content_type_id_c4bce8eb" ON "django_admin_log" ("content_type_id");
CREATE INDEX "django_admin_log_user_id_c564eba6" ON "django_admin_log" ("user_id");
CREATE UNIQUE INDEX "wagtailcore_groupcollectionpermission_group_id_collection_id_permission_id_a21cefe9_uniq" ON "wagtailcore_groupcollectionpermission" ("group_id", "collection_id", "permission_id");
CREATE INDEX "wagtailcore_groupcollectionpermission_collection_id_5423575a" ON "wagtailcore_groupcollectionpermission" ("collection_id");
CREATE INDEX "wagtailcore_groupcollectionpermission_group_id_05d61460" ON "wagtailcore_groupcollectionpermission" ("group_id");
CREATE INDEX "wagtailcore_groupcollectionpermission_permission_id_1b626275" ON "wagtailcore_groupcollectionpermission" ("permission_id");
CREATE UNIQUE INDEX "wagtailimages_rendition_image_id_filter_spec_focal_point_key_323c8fe0_uniq" ON "wagtailimages_rendition" ("image_id", "filter_spec", "focal_point_key");
CREATE INDEX "wagtailimages_rendition_filter_spec_1cba3201" ON "wagtailimages_rendition" ("filter_spec");
CREATE INDEX "wagtailimages_rendition_image_id_3e1fd774" ON "wagtailimages_rendition" ("image_id");
CREATE INDEX "wagtailimages_image_created_at_86fa6cd4" ON "wagtailimages_image" ("created_at");
CREATE INDEX "wagtailimages_image_uploaded_by_user_id_5d73dc75" ON "wagtailimages_image" ("uploaded_by_user_id");
CREATE INDEX "wagtailimages_image_collection_id_c2f8af7e" ON "wagtailimages_image" ("collection_id");
CREATE INDEX "wagtailimages_image_file_hash_fb5bbb23" ON "wagtailimages_image" ("file_hash");
CREATE UNIQUE INDEX "wagtailcore_pageviewrestriction_groups_pageviewrestriction_id_group_id_d23f80bb_uniq" ON "wagtailcore_pageviewrestriction_groups" ("pageviewrestriction_id", "group_id");
CREATE INDEX "wagtailcore_pageviewrestriction_groups_pageviewrestriction_id_f147a99a" ON "wagtailcore_pageviewrestriction_groups" ("pageviewrestriction_id");
CREATE INDEX "wagtailcore_pageviewrestriction_groups_group_id_6460f223" ON "wagtailcore_pageviewrestriction_groups" ("group_id");
CREATE INDEX "wagtailcore_pageviewrestriction_page_id_15a8bea6" ON "wagtailcore_pageviewrestriction" ("page_id");
CREATE INDEX "wagtailcore_collectionviewrestriction_collection_id_761908ec" ON "wagtailcore_collectionviewrestriction" ("collection_id");
CREATE UNIQUE INDEX "wagtailcore_collectionviewrestriction_groups_collectionviewrestriction_id_group_id_988995ae_uniq" ON "wagtailcore_collectionviewrestriction_groups" ("collectionviewrestriction_id", "group_id");
CREATE INDEX "wagtailcore_collectionviewrestriction_groups_collectionviewrestriction_id_47320efd" ON "wagtailcore_collectionviewrestriction_groups" ("collectionviewrestriction_id");
CREATE INDEX "wagtailcore_collectionviewrestriction_groups_group_id_1823f2a3" ON "wagtailcore_collectionviewrestriction_groups" ("group_id");
CREATE UNIQUE INDEX "wagtailcore_site_hostname_port_2c626d70_uniq" ON "wagtailcore_site" ("hostname", "port");
CREATE INDEX "wagtailcore_site_hostname_96b20b46" ON "wagtailcore_site" ("hostname");
CREATE INDEX "wagtailcore_site_root_page_id_e02fb95c" ON "wagtailcore_site" ("root_page_id");
CREATE INDEX "wagtailcore_task_content_type_id_249ab8ba" ON "wagtailcore_task" ("content_type_id");
CREATE INDEX "wagtailcore_workflowpage_workflow_id_56f56ff6" ON "wagtailcore_workflowpage" ("workflow_id");
CREATE UNIQUE INDEX "wagtailcore_workflowtask_workflow_id_task_id_4ec7a62b_uniq" ON "wagtailcore_workflowtask" ("workflow_id", "task_id");
CREATE INDEX "wagtailcore_workflowtask_task_id_ce7716fe" ON "wagtailcore_workflowtask" ("task_id");
CREATE INDEX "wagtailcore_workflowtask_workflow_id_b9717175" ON "wagtailcore_workflowtask" ("workflow_id");
CREATE UNIQUE INDEX "wagtailcore_groupapprovaltask_groups_groupapprovaltask_id_group_id_bb5ee7eb_uniq" ON "wagtailcore_groupapprovaltask_groups" ("groupapprovaltask_id", "group_id");
CREATE INDEX "wagtailcore_groupapprovaltask_groups_groupapprovaltask_id_9a9255ea" ON "wagtailcore_groupapprovaltask_groups" ("groupapprovaltask_id");
CREATE INDEX "wagtailcore_groupapprovaltask_groups_group_id_2e64b61f" ON "wagtailcore_groupapprovaltask_groups" ("group_id");
CREATE UNIQUE INDEX "wagtailcore_page_translation_key_locale_id_9b041bad_uniq" ON "wagtailcore_page" ("translation_key", "locale_id");
CREATE INDEX "wagtailcore_page_slug_e7c11b8f" ON "wagtailcore_page" ("slug");
CREATE INDEX "wagtailcore_page_content_type_id_c28424df" ON "wagtailcore_page" ("content_type_id");
CREATE INDEX "wagtailcore_page_owner_id_fbf7c332" ON "wagtailcore_page" ("owner_id");
CREATE INDEX "wagtailcore_page_first_published_at_2b5dd637" ON "wagtailcore_page" ("first_published_at");
CREATE INDEX "wagtailcore_page_live_revision_id_930bd822" ON "wagtailcore_page" ("live_revision_id");
CREATE INDEX "wagtailcore_page_locked_by_id_bcb86245" ON "wagtailcore_page" ("locked_by_id");
CREATE INDEX "wagtailcore_page_locale_id_3c7e30a6" ON "wagtailcore_page" ("locale_id");
CREATE INDEX "wagtailcore_page_alias_of_id_12945502" ON "wagtailcore_page" ("alias_of_id");
CREATE INDEX "wagtailcore_commentreply_comment_id_afc7e027" ON "wagtailcore_commentreply" ("comment_id");
CREATE INDEX "wagtailcore_commentreply_user_id_d0b3b9c3" ON "wagtailcore_commentreply" ("user_id");
CREATE UNIQUE INDEX "wagtailcore_pagesubscription_page_id_user_id_0cef73ed_uniq" ON "wagtailcore_pagesubscription" ("page_id", "user_id");
CREATE INDEX "wagtailcore_pagesubscription_page_id_a085e7a6" ON "wagtailcore_pagesubscription" ("page_id");
CREATE INDEX "wagtailcore_pagesubscription_user_id_89d7def9" ON "wagtailcore_pagesubscription" ("user_id");
CREATE UNIQUE INDEX "wagtail_localize_string_locale_id_data_hash_bae71852_uniq" ON "wagtail_localize_string" ("locale_id", "data_hash");
CREATE INDEX "wagtail_localize_string_locale_id_2cded126" ON "wagtail_localize_string" ("locale_id");
CREATE UNIQUE INDEX "wagtail_localize_translatableobject_content_type_id_translation_key_de875339_uniq" ON "wagtail_localize_translatableobject" ("content_type_id", "translation_key");
CREATE INDEX "wagtail_localize_translatableobject_content_type_id_0d6c5139" ON "wagtail_localize_translatableobject" ("content_type_id");
CREATE INDEX "wagtail_localize_templatesegment_context_id_81456b25" ON "wagtail_localize_templatesegment" ("context_id");
CREATE INDEX "wagtail_localize_templatesegment_source_id_26b89dc6" ON "wagtail_localize_templatesegment" ("source_id");
CREATE INDEX "wagtail_localize_templatesegment_template_id_c370b3c8" ON "wagtail_localize_templatesegment" ("template_id");
CREATE INDEX "wagtail_localize_stringsegment_context_id_63235539" ON "wagtail_localize_stringsegment" ("context_id");
CREATE INDEX "wagtail_localize_stringsegment_source_id_5804129f" ON "wagtail_localize_stringsegment" ("source_id");
CREATE INDEX "wagtail_localize_stringsegment_string_id_6356d5ec" ON "wagtail_localize_stringsegment" ("string_id");
CREATE INDEX "wagtail_localize_relatedobjectsegment_context_id_c0a725be" ON "wagtail_localize_relatedobjectsegment" ("context_id");
CREATE INDEX "wagtail_localize_relatedobjectsegment_object_id_6c7b58df" ON "wagtail_localize_relatedobjectsegment" ("object_id");
CREATE INDEX "wagtail_localize_relatedobjectsegment_source_id_9a3b1373" ON "wagtail_localize_relatedobjectsegment" ("source_id");
CREATE INDEX "wagtailcore_comment_page_id_108444b5" ON "wagtailcore_comment" ("page_id");
CREATE INDEX "wagtailcore_comment_resolved_by_id_a282aa0e" ON "wagtailcore_comment" ("resolved_by_id");
CREATE INDEX "wagtailcore_comment_revision_created_id_1d058279" ON "wagtailcore_comment" ("revision_created_id");
CREATE INDEX "wagtailcore_comment_user_id_0c577ca6" ON "wagtailcore_comment" ("user_id");
CREATE INDEX "wagtailcore_page_latest_revision_id_e60fef51" ON "wagtailcore_page" ("latest_revision_id");
CREATE UNIQUE INDEX "wagtailcore_referenceindex_base_content_type_id_object_id_to_content_type_id_to_object_id_content_path_hash_9e6ccd6a_uniq" ON "wagtailcore_referenceindex" ("base_content_type_id", "object_id", "to_content_type_id", "to_object_id", "content_path_hash");
CREATE INDEX "wagtailcore_referenceindex_base_content_type_id_313cf40f" ON "wagtailcore_referenceindex" ("base_content_type_id");
CREATE INDEX "wagtailcore_referenceindex_content_type_id_766e0336" ON "wagtailcore_referenceindex" ("content_type_id");
CREATE INDEX "wagtailcore_referenceindex_to_content_type_id_93690bbd" ON "wagtailcore_referenceindex" ("to_content_type_id");
CREATE INDEX "wagtailcore_taskstate_content_type_id_0a758fdc" ON "wagtailcore_taskstate" ("content_type_id");
CREATE INDEX "wagtailcore_taskstate_task_id_c3677c34" ON "wagtailcore_taskstate" ("task_id");
CREATE INDEX "wagtailcore_taskstate_workflow_state_id_9239a775" ON "wagtailcore_taskstate" ("workflow_state_id");
CREATE INDEX "wagtailcore_taskstate_finished_by_id_13f98229" ON "wagtailcore_taskstate" ("finished_by_id");
CREATE INDEX "wagtailcore_taskstate_revision_id_df25a499" ON "wagtailcore_taskstate" ("revision_id");
CREATE UNIQUE INDEX "unique_in_progress_workflow" ON "wagtailcore_workflowstate" ("base_content_type_id", "object_id") WHERE "status" IN ('in_progress', 'needs_changes');
CREATE INDEX "wagtailcore_workflowstate_requested_by_id_4090bca3" ON "wagtailcore_workflowstate" ("requested_by_id");
CREATE INDEX "wagtailcore_workflowstate_workflow_id_1f18378f" ON "wagtailcore_workflowstate" ("workflow_id");
CREATE INDEX "wagtailcore_workflowstate_base_content_type_id_a30dc576" ON "wagtailcore_workflowstate" ("base_content_type_id");
CREATE INDEX "wagtailcore_workflowstate_content_type_id_2bb78ce1" ON "wagtailcore_workflowstate" ("content_type_id");
CREATE INDEX "workflowstate_ct_id_idx" ON "wagtailcore_workflowstate" ("content_type_id", "object_id");
CREATE INDEX "workflowstate_base_ct_id_idx" ON "wagtailcore_workflowstate" ("base_content_type_id", "object_id");
CREATE INDEX "wagtailcore_workflowcontenttype_workflow_id_9aad7cd2" ON "wagtailcore_workflowcontenttype" ("workflow_id");
CREATE INDEX "wagtailcore_modellogentry_action_d2d856ee" ON "wagtailcore_modellogentry" ("action");
CREATE INDEX "wagtailcore_modellogentry_timestamp_9694521b" ON "wagtailcore_modellogentry" ("timestamp");
CREATE INDEX "wagtailcore_modellogentry_content_changed_8bc39742" ON "wagtailcore_modellogentry" ("content_changed");
CREATE INDEX "wagtailcore_modellogentry_object_id_e0e7d4ef" ON "wagtailcore_modellogentry" ("object_id");
CREATE INDEX "wagtailcore_modellogentry_content_type_id_68849e77" ON "wagtailcore_modellogentry" ("content_type_id");
CREATE INDEX "wagtailcore_modellogentry_user_id_0278d1bf" ON "wagtailcore_modellogentry" ("user_id");
CREATE INDEX "wagtailcore_modellogentry_revision_id_df6ca33a" ON "wagtailcore_modellogentry" ("revision_id");
CREATE INDEX "wagtailcore_pagelogentry_action_c2408198" ON "wagtailcore_pagelogentry" ("action");
CREATE INDEX "wagtailcore_pagelogentry_timestamp_deb774c4" ON "wagtailcore_pagelogentry" ("timestamp");
CREATE INDEX "wagtailcore_pagelogentry_content_changed_99f27ade" ON "wagtailcore_pagelogentry" ("content_changed");
CREATE INDEX "wagtailcore_pagelogentry_content_type_id_74e7708a" ON "wagtailcore_pagelogentry" ("content_type_id");
CREATE INDEX "wagtailcore_pagelogentry_page_id_8464e327" ON "wagtailcore_pagelogentry" ("page_id");
CREATE INDEX "wagtailcore_pagelogentry_revision_id_8043d103" ON "wagtailcore_pagelogentry" ("revision_id");
CREATE INDEX "wagtailcore_pagelogentry_user_id_604ccfd8" ON "wagtailcore_pagelogentry" ("user_id");
CREATE INDEX "wagtailcore_grouppagepermission_group_id_fc07e671" ON "wagtailcore_grouppagepermission" ("group_id");
CREATE INDEX "wagtailcore_grouppagepermission_page_id_710b114a" ON "wagtailcore_grouppagepermission" ("page_id");
CREATE INDEX "wagtailcore_grouppagepermission_permission_id_05acb22e" ON "wagtailcore_grouppagepermission" ("permission_id");
CREATE INDEX "wagtailcore_revision_created_at_81450aa6" ON "wagtailcore_revision" ("created_at");
CREATE INDEX "wagtailcore_revision_approved_go_live_at_88d3dee5" ON "wagtailcore_revision" ("approved_go_live_at");
CREATE INDEX "wagtailcore_revision_user_id_03df83b0" ON "wagtailcore_revision" ("user_id");
CREATE INDEX "wagtailcore_revision_content_type_id_c8cb69c0" ON "wagtailcore_revision" ("content_type_id");
CREATE INDEX "wagtailcore_revision_base_content_type_id_5b4ef7bd" ON "wagtailcore_revision" ("base_content_type_id");
CREATE INDEX "content_object_idx" ON "wagtailcore_revision" ("content_type_id", "object_id");
CREATE INDEX "base_content_object_idx" ON "wagtailcore_revision" ("base_content_type_id", "object_id");
CREATE INDEX "wagtailcore_uploadedfile_for_content_type_id_b0fc87b2" ON "wagtailcore_uploadedfile" ("for_content_type_id");
CREATE INDEX "wagtailcore_uploadedfile_uploaded_by_user_id_c7580fe8" ON "wagtailcore_uploadedfile" ("uploaded_by_user_id");
CREATE UNIQUE INDEX "wagtailcore_groupsitepermission_group_id_site_id_permission_id_a58ee30d_uniq" ON "wagtailcore_groupsitepermission" ("group_id", "site_id", "permission_id");
CREATE INDEX "wagtailcore_groupsitepermission_group_id_e5cdbee4" ON "wagtailcore_groupsitepermission" ("group_id");
CREATE INDEX "wagtailcore_groupsitepermission_permission_id_459b1f38" ON "wagtailcore_groupsitepermission" ("permission_id");
CREATE INDEX "wagtailcore_groupsitepermission_site_id_245de488" ON "wagtailcore_groupsitepermission" ("site_id");
CREATE INDEX "referenceindex_source_object" ON "wagtailcore_referenceindex" ("base_content_type_id", "object_id");
CREATE INDEX "referenceindex_target_object" ON "wagtailcore_referenceindex" ("to_content_type_id", "to_object_id");
CREATE INDEX "wagtailcore_uuid_d6363b_idx" ON "wagtailcore_modellogentry" ("uuid", "action", "timestamp" DESC);
CREATE INDEX "wagtailcore_uuid_06a44d_idx" ON "wagtailcore_pagelogentry" ("uuid", "action", "timestamp" DESC);
CREATE INDEX "wagtailcore_apitoken_user_id_49b1141b" ON "wagtailcore_apitoken" ("user_id");
CREATE INDEX "wagtaildocs_document_uploaded_by_user_id_17258b41" ON "wagtaildocs_document" ("uploaded_by_user_id");
CREATE INDEX "wagtaildocs_document_collection_id_23881625" ON "wagtaildocs_document" ("collection_id");
CREATE INDEX "wagtailadmin_editingsession_content_type_id_4df7730e" ON "wagtailadmin_editingsession" ("content_type_id");
CREATE INDEX "wagtailadmin_editingsession_user_id_6e1a9b70" ON "wagtailadmin_editingsession" ("user_id");
CREATE INDEX "wagtailadmi_content_717955_idx" ON "wagtailadmin_editingsession" ("content_type_id", "object_id");
CREATE INDEX "wagtailadmin_formstate_content_type_id_e32438b3" ON "wagtailadmin_formstate" ("content_type_id");
CREATE INDEX "wagtailadmin_formstate_user_id_b910adc2" ON "wagtailadmin_formstate" ("user_id");
CREATE INDEX "formstate_user_object" ON "wagtailadmin_formstate" ("user_id", "content_type_id", "object_id", "parent_object_id");
CREATE UNIQUE INDEX "consultations_consultationpage_partner_organisations_consultationpage_id_organisation_id_4ba409ee_uniq" ON "consultations_consultationpage_partner_organisations" ("consultationpage_id", "organisation_id");
CREATE INDEX "consultations_consultationpage_partner_organisations_consultationpage_id_70857546" ON "consultations_consultationpage_partner_organisations" ("consultationpage_id");
CREATE INDEX "consultations_consultationpage_partner_organisations_organisation_id_bf9a46c6" ON "consultations_consultationpage_partner_organisations" ("organisation_id");
CREATE UNIQUE INDEX "consultations_consultationpage_topics_consultationpage_id_topic_id_19bcf6aa_uniq" ON "consultations_consultationpage_topics" ("consultationpage_id", "topic_id");
CREATE INDEX "consultations_consultationpage_topics_consultationpage_id_18dd4571" ON "consultations_consultationpage_topics" ("consultationpage_id");
CREATE INDEX "consultations_consultationpage_topics_topic_id_a8ae9643" ON "consultations_consultationpage_topics" ("topic_id");
CREATE INDEX "mapping_issuecategory_organisation_id_22e255ef" ON "mapping_issuecategory" ("organisation_id");
CREATE INDEX "mapping_partnerapikey_organisation_id_647d70f6" ON "mapping_partnerapikey" ("organisation_id");
CREATE UNIQUE INDEX "mapping_issuereport_followers_issuereport_id_user_id_6fcb41f4_uniq" ON "mapping_issuereport_followers" ("issuereport_id", "user_id");
CREATE INDEX "mapping_issuereport_followers_issuereport_id_d307ede1" ON "mapping_issuereport_followers" ("issuereport_id");
CREATE INDEX "mapping_issuereport_followers_user_id_c1a78f90" ON "mapping_issuereport_followers" ("user_id");
CREATE INDEX "mapping_statuschange_officer_id_8781eeaa" ON "mapping_statuschange" ("officer_id");
CREATE INDEX "mapping_statuschange_report_id_ef34f44d" ON "mapping_statuschange" ("report_id");
CREATE INDEX "mapping_gazetteerentry_ward_id_df5091c4" ON "mapping_gazetteerentry" ("ward_id");
CREATE INDEX "civic_participantprofile_ward_id_ce7972b4" ON "civic_participantprofile" ("ward_id");
CREATE INDEX "civic_wardcouncillor_ward_id_a06728a9" ON "civic_wardcouncillor" ("ward_id");
CREATE INDEX "civic_notification_recipient_id_be202bf1" ON "civic_notification" ("recipient_id");
CREATE INDEX "notification_inbox" ON "civic_notification" ("recipient_id", "created_at" DESC);
CREATE INDEX "notification_outbox" ON "civic_notification" ("dedupe_key", "email");
CREATE INDEX "civic_notificationpreference_user_id_ac385084" ON "civic_notificationpreference" ("user_id");
CREATE INDEX "civic_brand_logo_id_b8eacfe8" ON "civic_brand" ("logo_id");
CREATE INDEX "api_apitoken_created_by_id_920f9908" ON "api_apitoken" ("created_by_id");
CREATE INDEX "api_apitoken_organisation_id_cb3c4089" ON "api_apitoken" ("organisation_id");
CREATE INDEX "api_apitoken_user_id_9cffaf33" ON "api_apitoken" ("user_id");
CREATE UNIQUE INDEX "wagtail_localize_translation_source_id_target_locale_id_7e943cf8_uniq" ON "wagtail_localize_translation" ("source_id", "target_locale_id");
CREATE INDEX "wagtail_localize_translation_source_id_e326e1e3" ON "wagtail_localize_translation" ("source_id");
CREATE INDEX "wagtail_localize_translation_target_locale_id_8c524f73" ON "wagtail_localize_translation" ("target_locale_id");
CREATE UNIQUE INDEX "wagtail_localize_stringtranslation_locale_id_translation_of_id_context_id_d2d59359_uniq" ON "wagtail_localize_stringtranslation" ("locale_id", "translation_of_id", "context_id");
CREATE INDEX "wagtail_localize_stringtranslation_context_id_3cc13049" ON "wagtail_localize_stringtranslation" ("context_id");
CREATE INDEX "wagtail_localize_stringtranslation_locale_id_b9e3730d" ON "wagtail_localize_stringtranslation" ("locale_id");
CREATE INDEX "wagtail_localize_stringtranslation_translation_of_id_8eef01d0" ON "wagtail_localize_stringtranslation" ("translation_of_id");
CREATE INDEX "wagtail_localize_stringtranslation_last_translated_by_id_764c7a3f" ON "wagtail_localize_stringtranslation" ("last_translated_by_id");
CREATE INDEX "wagtail_localize_overridablesegment_context_id_eed8c388" ON "wagtail_localize_overridablesegment" ("context_id");
CREATE INDEX "wagtail_localize_overridablesegment_source_id_5720ac20" ON "wagtail_localize_overridablesegment" ("source_id");
CREATE INDEX "wagtail_localize_segmentoverride_context_id_f827efe0" ON "wagtail_localize_segmentoverride" ("context_id");
CREATE INDEX "wagtail_localize_segmentoverride_last_translated_by_id_a86448fc" ON "wagtail_localize_segmentoverride" ("last_translated_by_id");
CREATE INDEX "wagtail_localize_segmentoverride_locale_id_b1673d41" ON "wagtail_localize_segmentoverride" ("locale_id");
CREATE INDEX "wagtail_localize_localesynchronization_sync_from_id_1bc4c2eb" ON "wagtail_localize_localesynchronization" ("sync_from_id");
CREATE UNIQUE INDEX "wagtail_localize_translationsource_object_id_locale_id_fb6a8d8e_uniq" ON "wagtail_localize_translationsource" ("object_id", "locale_id");
CREATE INDEX "wagtail_localize_translationsource_locale_id_0ac264c0" ON "wagtail_localize_translationsource" ("locale_id");
CREATE INDEX "wagtail_localize_translationsource_object_id_6a078fd2" ON "wagtail_localize_translationsource" ("object_id");
CREATE INDEX "wagtail_localize_translationsource_specific_content_type_id_3095eb76" ON "wagtail_localize_translationsource" ("specific_content_type_id");
CREATE UNIQUE INDEX "wagtail_localize_translationcontext_object_id_path_id_c7f5d707_uniq" ON "wagtail_localize_translationcontext" ("object_id", "path_id");
CREATE INDEX "wagtail_localize_translationcontext_object_id_86263ce7" ON "wagtail_localize_translationcontext" ("object_id");
CREATE INDEX "wagtail_localize_translationlog_locale_id_37619cb4" ON "wagtail_localize_translationlog" ("locale_id");
CREATE INDEX "wagtail_localize_translationlog_source_id_7228923e" ON "wagtail_localize_translationlog" ("source_id");
CREATE INDEX "wagtail_localize_translationlog_revision_id_e3b62278" ON "wagtail_localize_translationlog" ("revision_id");
CREATE INDEX "civic_personaldataexport_user_id_50d1a083" ON "civic_personaldataexport" ("user_id");
CREATE INDEX "notification_unsent" ON "civic_notification" ("dedupe_key", "id") WHERE ("email" = 'immediately' AND "emailed_at" IS NULL);
CREATE INDEX "civic_address_ward_id_16e9d4f0" ON "civic_address" ("ward_id");
CREATE INDEX "civic_address_key" ON "civic_address" ("key");
CREATE INDEX "civic_address_skeleton" ON "civic_address" ("skeleton");
CREATE INDEX "civic_address_tail" ON "civic_address" ("tail");
CREATE INDEX "civic_user_organisation_id_057f7638" ON "civic_user" ("organisation_id");
CREATE INDEX "consultations_liveevent_created_at_a39f1d98" ON "consultations_liveevent" ("created_at");
CREATE INDEX "consultations_liveevent_consultation_id_6a522a23" ON "consultations_liveevent" ("consultation_id");
CREATE INDEX "consultations_theme_consultation_id_e7bd7f25" ON "consultations_theme" ("consultation_id");
CREATE INDEX "consultations_theme_signed_off_by_id_eca9053e" ON "consultations_theme" ("signed_off_by_id");
CREATE INDEX "consultations_feedbackresponse_consultation_id_f46662ba" ON "consultations_feedbackresponse" ("consultation_id");
CREATE INDEX "consultations_feedbackresponse_created_by_id_e7405dc6" ON "consultations_feedbackresponse" ("created_by_id");
CREATE INDEX "consultations_feedbackresponse_proposal_id_a1e4d423" ON "consultations_feedbackresponse" ("proposal_id");
CREATE INDEX "consultations_feedbackresponse_theme_id_9cc36daa" ON "consultations_feedbackresponse" ("theme_id");
CREATE INDEX "consultations_thememembership_theme_id_161edd35" ON "consultations_thememembership" ("theme_id");
CREATE INDEX "consultatio_theme_i_53833f_idx" ON "consultations_thememembership" ("theme_id", "quote_rank");
CREATE INDEX "consultations_consultationpage_lead_organisation_id_ce4b57ef" ON "consultations_consultationpage" ("lead_organisation_id");
CREATE INDEX "consultatio_opens_a_13bf96_idx" ON "consultations_consultationpage" ("opens_at", "closes_at");
CREATE INDEX "consultations_moderationdecision_created_at_bdee4096" ON "consultations_moderationdecision" ("created_at");
CREATE INDEX "consultations_moderationdecision_comment_id_cd997d1b" ON "consultations_moderationdecision" ("comment_id");
CREATE INDEX "consultations_moderationdecision_consultation_id_dc65d291" ON "consultations_moderationdecision" ("consultation_id");
CREATE INDEX "consultations_moderationdecision_moderator_id_2328be7b" ON "consultations_moderationdecision" ("moderator_id");
CREATE INDEX "consultations_flag_comment_id_c9b43131" ON "consultations_flag" ("comment_id");
CREATE INDEX "consultations_flag_user_id_90e4096e" ON "consultations_flag" ("user_id");
CREATE INDEX "consultations_vote_proposal_id_5aa44b57" ON "consultations_vote" ("proposal_id");
CREATE INDEX "consultations_vote_user_id_3e382147" ON "consultations_vote" ("user_id");
CREATE INDEX "consultations_follow_page_id_3cbefb1e" ON "consultations_follow" ("page_id");
CREATE INDEX "consultations_follow_user_id_ec0c7fd5" ON "consultations_follow" ("user_id");
CREATE UNIQUE INDEX "consultations_consultationpage_wards_consultationpage_id_area_id_24a60abb_uniq" ON "consultations_consultationpage_wards" ("consultationpage_id", "area_id");
CREATE INDEX "consultations_consultationpage_wards_consultationpage_id_ca9ae0dc" ON "consultations_consultationpage_wards" ("consultationpage_id");
CREATE INDEX "consultations_consultationpage_wards_area_id_285d45f3" ON "consultations_consultationpage_wards" ("area_id");
CREATE INDEX "consultations_alerttopic_topic_id_0b4e8239" ON "consultations_alerttopic" ("topic_id");
CREATE INDEX "consultations_alerttopic_user_id_521a443d" ON "consultations_alerttopic" ("user_id");
CREATE INDEX "consultatio_convers_85b0db_idx" ON "consultations_statement" ("conversation_id", "status", "created_at");
CREATE INDEX "consultations_statement_author_id_42076967" ON "consultations_statement" ("author_id");
CREATE INDEX "consultations_statement_conversation_id_b1533f25" ON "consultations_statement" ("conversation_id");
CREATE INDEX "consultations_opinionvote_conversation_id_be16b242" ON "consultations_opinionvote" ("conversation_id");
CREATE INDEX "consultations_opinionvote_user_id_564404a2" ON "consultations_opinionvote" ("user_id");
CREATE INDEX "consultations_opinionvote_statement_id_8f629fa8" ON "consultations_opinionvote" ("statement_id");
CREATE INDEX "consultatio_convers_d691a6_idx" ON "consultations_opinionvote" ("conversation_id", "user_id");
CREATE INDEX "consultations_questionwording_survey_id_6c01767e" ON "consultations_questionwording" ("survey_id");
CREATE INDEX "consultations_surveyanswertheme_response_id_d24f3fdf" ON "consultations_surveyanswertheme" ("response_id");
CREATE INDEX "consultations_surveyanswertheme_theme_id_3acad877" ON "consultations_surveyanswertheme" ("theme_id");
CREATE INDEX "consultatio_theme_i_99764c_idx" ON "consultations_surveyanswertheme" ("theme_id", "quote_rank");
CREATE INDEX "consultations_comment_created_at_2153f07f" ON "consultations_comment" ("created_at");
CREATE INDEX "consultations_comment_author_id_e7d93ce9" ON "consultations_comment" ("author_id");
CREATE INDEX "consultations_comment_consultation_id_6cbff771" ON "consultations_comment" ("consultation_id");
CREATE INDEX "consultations_comment_proposal_id_350fb138" ON "consultations_comment" ("proposal_id");
CREATE INDEX "consultations_comment_entered_by_id_ebc88f0f" ON "consultations_comment" ("entered_by_id");
CREATE INDEX "consultations_comment_organisation_id_29ebfbfd" ON "consultations_comment" ("organisation_id");
CREATE INDEX "consultations_comment_parent_id_acd369c8" ON "consultations_comment" ("parent_id");
CREATE INDEX "consultatio_consult_c60c5c_idx" ON "consultations_comment" ("consultation_id", "proposal_id", "status", "created_at");
CREATE INDEX "consultatio_parent__d8df8b_idx" ON "consultations_comment" ("parent_id", "status", "created_at");
CREATE INDEX "comment_review_queue_idx" ON "consultations_comment" ("needs_review", "queued_at", "id");
CREATE INDEX "comment_paragraph_idx" ON "consultations_comment" ("proposal_id", "paragraph", "status") WHERE NOT ("paragraph" = '');
CREATE INDEX "consultations_surveyresponse_survey_id_0fb89f40" ON "consultations_surveyresponse" ("survey_id");
CREATE INDEX "consultations_surveyresponse_user_id_209a8bc5" ON "consultations_surveyresponse" ("user_id");
CREATE INDEX "consultations_surveyresponse_entered_by_id_fd6cb600" ON "consultations_surveyresponse" ("entered_by_id");
CREATE INDEX "consultatio_survey__34810f_idx" ON "consultations_surveyresponse" ("survey_id", "submitted_at");
CREATE INDEX "django_task_queue_n_99c321_idx" ON "django_tasks_database_dbtaskresult" ("queue_name");
CREATE INDEX "django_task_backend_071754_idx" ON "django_tasks_database_dbtaskresult" ("backend_name");
CREATE INDEX "tasks_db_new_ordering_idx" ON "django_tasks_database_dbtaskresult" ("status", "priority" DESC, "run_after" ASC, "enqueued_at" ASC) WHERE "status" = 'READY';
CREATE INDEX "mapping_issuereport_created_at_8ce84774" ON "mapping_issuereport" ("created_at");
CREATE INDEX "mapping_issuereport_category_id_1a350462" ON "mapping_issuereport" ("category_id");
CREATE INDEX "mapping_issuereport_organisation_id_83be0a3e" ON "mapping_issuereport" ("organisation_id");
CREATE INDEX "mapping_issuereport_reporter_id_62aa947f" ON "mapping_issuereport" ("reporter_id");
CREATE INDEX "mapping_issuereport_ward_id_4e29df1b" ON "mapping_issuereport" ("ward_id");
CREATE INDEX "mapping_issuereport_partner_id_680b8aad" ON "mapping_issuereport" ("partner_id");
CREATE INDEX "mapping_issuereport_duplicate_of_id_a8c6fb95" ON "mapping_issuereport" ("duplicate_of_id");
CREATE INDEX "mapping_iss_status_c6b60c_idx" ON "mapping_issuereport" ("status", "created_at");
CREATE INDEX "mapping_iss_latitud_9b6233_idx" ON "mapping_issuereport" ("latitude", "longitude");
CREATE INDEX "mfa_authenticator_user_id_0c3a50c0" ON "mfa_authenticator" ("user_id");
CREATE UNIQUE INDEX "unique_authenticator_type" ON "mfa_authenticator" ("user_id", "type") WHERE "type" IN ('totp', 'recovery_codes');
CREATE INDEX "search_pendingupdate_updated_at_3506a9f9" ON "search_pendingupdate" ("updated_at");
CREATE UNIQUE INDEX "search_searchentry_organisations_searchentry_id_organisation_id_85ba59f6_uniq" ON "search_searchentry_organisations" ("searchentry_id", "organisation_id");
CREATE INDEX "search_searchentry_organisations_searchentry_id_23beca4e" ON "search_searchentry_organisations" ("searchentry_id");
CREATE INDEX "search_searchentry_organisations_organisation_id_ca44879d" ON "search_searchentry_organisations" ("organisation_id");
CREATE INDEX "search_savedsearch_owner_id_d00820fe" ON "search_savedsearch" ("owner_id");
CREATE INDEX "search_searchentry_type_59bdc281" ON "search_searchentry" ("type");
CREATE INDEX "search_searchentry_consultation_id_3eb84f5d" ON "search_searchentry" ("consultation_id");
CREATE INDEX "search_searchentry_ward_808a335b" ON "search_searchentry" ("ward");
CREATE INDEX "search_searchentry_stance_ad583740" ON "search_searchentry" ("stance");
CREATE INDEX "search_searchentry_moderation_state_c18902cd" ON "search_searchentry" ("moderation_state");
CREATE INDEX "search_searchentry_created_462131d0" ON "search_searchentry" ("created");
CREATE INDEX "django_session_expire_date_a5c62663" ON "django_session" ("expire_date");
CREATE INDEX "taggit_taggeditem_object_id_e2d7d1df" ON "taggit_taggeditem" ("object_id");
CREATE INDEX "taggit_taggeditem_content_type_id_9957a03c" ON "taggit_taggeditem" ("content_type_id");
CREATE INDEX "taggit_taggeditem_tag_id_f4f5b767" ON "taggit_taggeditem" ("tag_id");
CREATE INDEX "taggit_tagg_content_8fc721_idx" ON "taggit_taggeditem" ("content_type_id", "object_id");
CREATE INDEX "wagtailembeds_embed_cache_until_26c94bb0" ON "wagtailembeds_embed" ("cache_until");
CREATE INDEX "wagtailforms_formsubmission_page_id_e48e93e7" ON "wagtailforms_formsubmission" ("page_id");
CREATE UNIQUE INDEX "wagtailredirects_redirect_old_path_site_id_783622d7_uniq" ON "wagtailredirects_redirect" ("old_path", "site_id");
CREATE INDEX "wagtailredirects_redirect_old_path_bb35247b" ON "wagtailredirects_redirect" ("old_path");
CREATE INDEX "wagtailredirects_redirect_redirect_page_id_b5728a8f" ON "wagtailredirects_redirect" ("redirect_page_id");
CREATE INDEX "wagtailredirects_redirect_site_id_780a0e1e" ON "wagtailredirects_redirect" ("site_id");
CREATE UNIQUE INDEX "wagtailsearch_indexentry_content_type_id_object_id_bcd7ba73_uniq" ON "wagtailsearch_indexentry" ("content_type_id", "object_id");
CREATE INDEX "wagtailsearch_indexentry_content_type_id_62ed694f" ON "wagtailsearch_indexentry" ("content_type_id");
CREATE TRIGGER search_entry_ai AFTER INSERT ON search_searchentry BEGIN
        INSERT INTO search_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END;
CREATE TRIGGER search_entry_ad AFTER DELETE ON search_searchentry BEGIN
        INSERT INTO search_fts(search_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text); END;
CREATE TRIGGER search_entry_au AFTER UPDATE OF title, text ON search_searchentry BEGIN
        INSERT INTO search_fts(search_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO search_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END;
CREATE TRIGGER insert_wagtailsearch_indexentry_fts AFTER INSERT ON wagtailsearch_indexentry BEGIN INSERT INTO wagtailsearch_indexentry_fts(title, body, autocomplete, rowid) VALUES (NEW.title, NEW.body, NEW.autocomplete, NEW.id); END;
CREATE TRIGGER update_wagtailsearch_indexentry_fts AFTER UPDATE ON wagtailsearch_indexentry BEGIN UPDATE wagtailsearch_indexentry_fts SET title=NEW.title, body=NEW.body, autocomplete=NEW.autocomplete WHERE rowid=NEW.id; END;
CREATE TRIGGER delete_wagtailsearch_indexentry_fts AFTER DELETE ON wagtailsearch_indexentry BEGIN DELETE FROM wagtailsearch_indexentry_fts WHERE rowid=OLD.id; END;
INSERT INTO "django_migrations" VALUES(1,'contenttypes','0001_initial','2026-12-03 14:20:43.964795');
INSERT INTO "django_migrations" VALUES(2,'contenttypes','0002_remove_content_type_name','2026-12-03 14:20:43.974074');
INSERT INTO "django_migrations" VALUES(3,'auth','0001_initial','2026-12-03 14:20:43.990336');
INSERT INTO "django_migrations" VALUES(4,'auth','0002_alter_permission_name_max_length','2026-12-03 14:20:43.998431');
INSERT INTO "django_migrations" VALUES(5,'auth','0003_alter_user_email_max_length','2026-12-03 14:20:44.007998');
INSERT INTO "django_migrations" VALUES(6,'auth','0004_alter_user_username_opts','2026-12-03 14:20:44.011096');
INSERT INTO "django_migrations" VALUES(7,'auth','0005_alter_user_last_login_null','2026-12-03 14:20:44.019975');
INSERT INTO "django_migrations" VALUES(8,'auth','0006_require_contenttypes_0002','2026-12-03 14:20:44.020441');
INSERT INTO "django_migrations" VALUES(9,'auth','0007_alter_validators_add_error_messages','2026-12-03 14:20:44.023054');
INSERT INTO "django_migrations" VALUES(10,'auth','0008_alter_user_username_max_length','2026-12-03 14:20:44.034036');
INSERT INTO "django_migrations" VALUES(11,'auth','0009_alter_user_last_name_max_length','2026-12-03 14:20:44.041212');
INSERT INTO "django_migrations" VALUES(12,'auth','0010_alter_group_name_max_length','2026-12-03 14:20:44.048748');
INSERT INTO "django_migrations" VALUES(13,'auth','0011_update_proxy_permissions','2026-12-03 14:20:44.051484');
INSERT INTO "django_migrations" VALUES(14,'auth','0012_alter_user_first_name_max_length','2026-12-03 14:20:44.058345');
INSERT INTO "django_migrations" VALUES(15,'civic','0001_initial','2026-12-03 14:20:44.080705');
INSERT INTO "django_migrations" VALUES(16,'account','0001_initial','2026-12-03 14:20:44.106447');
INSERT INTO "django_migrations" VALUES(17,'account','0002_email_max_length','2026-12-03 14:20:44.137596');
INSERT INTO "django_migrations" VALUES(18,'account','0003_alter_emailaddress_create_unique_verified_email','2026-12-03 14:20:44.172173');
INSERT INTO "django_migrations" VALUES(19,'account','0004_alter_emailaddress_drop_unique_email','2026-12-03 14:20:44.195890');
INSERT INTO "django_migrations" VALUES(20,'account','0005_emailaddress_idx_upper_email','2026-12-03 14:20:44.214380');
INSERT INTO "django_migrations" VALUES(21,'account','0006_emailaddress_lower','2026-12-03 14:20:44.240660');
INSERT INTO "django_migrations" VALUES(22,'account','0007_emailaddress_idx_email','2026-12-03 14:20:44.278945');
INSERT INTO "django_migrations" VALUES(23,'account','0008_emailaddress_unique_primary_email_fixup','2026-12-03 14:20:44.308040');
INSERT INTO "django_migrations" VALUES(24,'account','0009_emailaddress_unique_primary_email','2026-12-03 14:20:44.323940');
INSERT INTO "django_migrations" VALUES(25,'admin','0001_initial','2026-12-03 14:20:44.339520');
INSERT INTO "django_migrations" VALUES(26,'admin','0002_logentry_remove_auto_add','2026-12-03 14:20:44.372615');
INSERT INTO "django_migrations" VALUES(27,'admin','0003_logentry_add_action_flag_choices','2026-12-03 14:20:44.386584');
INSERT INTO "django_migrations" VALUES(28,'wagtailcore','0001_initial','2026-12-03 14:20:44.715379');
INSERT INTO "django_migrations" VALUES(29,'wagtailcore','0002_initial_data','2026-12-03 14:20:44.715657');
INSERT INTO "django_migrations" VALUES(30,'wagtailcore','0003_add_uniqueness_constraint_on_group_page_permission','2026-12-03 14:20:44.721076');
INSERT INTO "django_migrations" VALUES(31,'wagtailcore','0004_page_locked','2026-12-03 14:20:44.721289');
INSERT INTO "django_migrations" VALUES(32,'wagtailcore','0005_add_page_lock_permission_to_moderators','2026-12-03 14:20:44.721450');
INSERT INTO "django_migrations" VALUES(33,'wagtailcore','0006_add_lock_page_permission','2026-12-03 14:20:44.721601');
INSERT INTO "django_migrations" VALUES(34,'wagtailcore','0007_page_latest_revision_created_at','2026-12-03 14:20:44.721748');
INSERT INTO "django_migrations" VALUES(35,'wagtailcore','0008_populate_latest_revision_created_at','2026-12-03 14:20:44.721887');
INSERT INTO "django_migrations" VALUES(36,'wagtailcore','0009_remove_auto_now_add_from_pagerevision_created_at','2026-12-03 14:20:44.722019');
INSERT INTO "django_migrations" VALUES(37,'wagtailcore','0010_change_page_owner_to_null_on_delete','2026-12-03 14:20:44.722150');
INSERT INTO "django_migrations" VALUES(38,'wagtailcore','0011_page_first_published_at','2026-12-03 14:20:44.722277');
INSERT INTO "django_migrations" VALUES(39,'wagtailcore','0012_extend_page_slug_field','2026-12-03 14:20:44.722403');
INSERT INTO "django_migrations" VALUES(40,'wagtailcore','0013_update_golive_expire_help_text','2026-12-03 14:20:44.722530');
INSERT INTO "django_migrations" VALUES(41,'wagtailcore','0014_add_verbose_name','2026-12-03 14:20:44.722656');
INSERT INTO "django_migrations" VALUES(42,'wagtailcore','0015_add_more_verbose_names','2026-12-03 14:20:44.722778');
INSERT INTO "django_migrations" VALUES(43,'wagtailcore','0016_change_page_url_path_to_text_field','2026-12-03 14:20:44.722905');
INSERT INTO "django_migrations" VALUES(44,'wagtailcore','0001_squashed_0016_change_page_url_path_to_text_field','2026-12-03 14:20:44.723029');
INSERT INTO "django_migrations" VALUES(45,'wagtailcore','0017_change_edit_page_permission_description','2026-12-03 14:20:44.746405');
INSERT INTO "django_migrations" VALUES(46,'wagtailcore','0018_pagerevision_submitted_for_moderation_index','2026-12-03 14:20:44.788626');
INSERT INTO "django_migrations" VALUES(47,'wagtailcore','0019_verbose_names_cleanup','2026-12-03 14:20:44.887615');
INSERT INTO "django_migrations" VALUES(48,'wagtailcore','0020_add_index_on_page_first_published_at','2026-12-03 14:20:44.922951');
INSERT INTO "django_migrations" VALUES(49,'wagtailcore','0021_capitalizeverbose','2026-12-03 14:20:46.091486');
INSERT INTO "django_migrations" VALUES(50,'wagtailcore','0022_add_site_name','2026-12-03 14:20:46.124809');
INSERT INTO "django_migrations" VALUES(51,'wagtailcore','0023_alter_page_revision_on_delete_behaviour','2026-12-03 14:20:46.150392');
INSERT INTO "django_migrations" VALUES(52,'wagtailcore','0024_collection','2026-12-03 14:20:46.160653');
INSERT INTO "django_migrations" VALUES(53,'wagtailcore','0025_collection_initial_data','2026-12-03 14:20:46.187469');
INSERT INTO "django_migrations" VALUES(54,'wagtailcore','0026_group_collection_permission','2026-12-03 14:20:46.243238');
INSERT INTO "django_migrations" VALUES(55,'taggit','0001_initial','2026-12-03 14:20:46.289352');
INSERT INTO "django_migrations" VALUES(56,'wagtailimages','0001_initial','2026-12-03 14:20:46.494036');
INSERT INTO "django_migrations" VALUES(57,'wagtailimages','0002_initial_data','2026-12-03 14:20:46.494345');
INSERT INTO "django_migrations" VALUES(58,'wagtailimages','0003_fix_focal_point_fields','2026-12-03 14:20:46.494509');
INSERT INTO "django_migrations" VALUES(59,'wagtailimages','0004_make_focal_point_key_not_nullable','2026-12-03 14:20:46.494664');
INSERT INTO "django_migrations" VALUES(60,'wagtailimages','0005_make_filter_spec_unique','2026-12-03 14:20:46.494814');
INSERT INTO "django_migrations" VALUES(61,'wagtailimages','0006_add_verbose_names','2026-12-03 14:20:46.494951');
INSERT INTO "django_migrations" VALUES(62,'wagtailimages','0007_image_file_size','2026-12-03 14:20:46.495080');
INSERT INTO "django_migrations" VALUES(63,'wagtailimages','0008_image_created_at_index','2026-12-03 14:20:46.495210');
INSERT INTO "django_migrations" VALUES(64,'wagtailimages','0009_capitalizeverbose','2026-12-03 14:20:46.495335');
INSERT INTO "django_migrations" VALUES(65,'wagtailimages','0010_change_on_delete_behaviour','2026-12-03 14:20:46.495458');
INSERT INTO "django_migrations" VALUES(66,'wagtailimages','0011_image_collection','2026-12-03 14:20:46.495582');
INSERT INTO "django_migrations" VALUES(67,'wagtailimages','0012_copy_image_permissions_to_collections','2026-12-03 14:20:46.503823');
INSERT INTO "django_migrations" VALUES(68,'wagtailimages','0013_make_rendition_upload_callable','2026-12-03 14:20:46.504347');
INSERT INTO "django_migrations" VALUES(69,'wagtailimages','0014_add_filter_spec_field','2026-12-03 14:20:46.504533');
INSERT INTO "django_migrations" VALUES(70,'wagtailimages','0015_fill_filter_spec_field','2026-12-03 14:20:46.504696');
INSERT INTO "django_migrations" VALUES(71,'wagtailimages','0016_deprecate_rendition_filter_relation','2026-12-03 14:20:46.504850');
INSERT INTO "django_migrations" VALUES(72,'wagtailimages','0017_reduce_focal_point_key_max_length','2026-12-03 14:20:46.504992');
INSERT INTO "django_migrations" VALUES(73,'wagtailimages','0018_remove_rendition_filter','2026-12-03 14:20:46.505134');
INSERT INTO "django_migrations" VALUES(74,'wagtailimages','0019_delete_filter','2026-12-03 14:20:46.505268');
INSERT INTO "django_migrations" VALUES(75,'wagtailimages','0020_add-verbose-name','2026-12-03 14:20:46.505405');
INSERT INTO "django_migrations" VALUES(76,'wagtailimages','0021_image_file_hash','2026-12-03 14:20:46.505538');
INSERT INTO "django_migrations" VALUES(77,'wagtailimages','0001_squashed_0021','2026-12-03 14:20:46.505664');
INSERT INTO "django_migrations" VALUES(78,'wagtailimages','0022_uploadedimage','2026-12-03 14:20:46.568565');
INSERT INTO "django_migrations" VALUES(79,'wagtailadmin','0001_create_admin_access_permissions','2026-12-03 14:20:46.612974');
INSERT INTO "django_migrations" VALUES(80,'wagtailimages','0023_add_choose_permissions','2026-12-03 14:20:46.758113');
INSERT INTO "django_migrations" VALUES(81,'wagtailimages','0024_index_image_file_hash','2026-12-03 14:20:46.809252');
INSERT INTO "django_migrations" VALUES(82,'wagtailimages','0025_alter_image_file_alter_rendition_file','2026-12-03 14:20:46.897549');
INSERT INTO "django_migrations" VALUES(83,'wagtailimages','0026_delete_uploadedimage','2026-12-03 14:20:46.898861');
INSERT INTO "django_migrations" VALUES(84,'wagtailimages','0027_image_description','2026-12-03 14:20:46.949382');
INSERT INTO "django_migrations" VALUES(85,'wagtailcore','0027_fix_collection_path_collation','2026-12-03 14:20:46.988955');
INSERT INTO "django_migrations" VALUES(86,'wagtailcore','0024_alter_page_content_type_on_delete_behaviour','2026-12-03 14:20:47.019066');
INSERT INTO "django_migrations" VALUES(87,'wagtailcore','0028_merge','2026-12-03 14:20:47.021501');
INSERT INTO "django_migrations" VALUES(88,'wagtailcore','0029_unicode_slugfield_dj19','2026-12-03 14:20:47.062190');
INSERT INTO "django_migrations" VALUES(89,'wagtailcore','0030_index_on_pagerevision_created_at','2026-12-03 14:20:47.117028');
INSERT INTO "django_migrations" VALUES(90,'wagtailcore','0031_add_page_view_restriction_types','2026-12-03 14:20:47.254520');
INSERT INTO "django_migrations" VALUES(91,'wagtailcore','0032_add_bulk_delete_page_permission','2026-12-03 14:20:47.271543');
INSERT INTO "django_migrations" VALUES(92,'wagtailcore','0033_remove_golive_expiry_help_text','2026-12-03 14:20:47.335004');
INSERT INTO "django_migrations" VALUES(93,'wagtailcore','0034_page_live_revision','2026-12-03 14:20:47.383162');
INSERT INTO "django_migrations" VALUES(94,'wagtailcore','0035_page_last_published_at','2026-12-03 14:20:47.419654');
INSERT INTO "django_migrations" VALUES(95,'wagtailcore','0036_populate_page_last_published_at','2026-12-03 14:20:47.470091');
INSERT INTO "django_migrations" VALUES(96,'wagtailcore','0037_set_page_owner_editable','2026-12-03 14:20:47.495017');
INSERT INTO "django_migrations" VALUES(97,'wagtailcore','0038_make_first_published_at_editable','2026-12-03 14:20:47.518921');
INSERT INTO "django_migrations" VALUES(98,'wagtailcore','0039_collectionviewrestriction','2026-12-03 14:20:47.611472');
INSERT INTO "django_migrations" VALUES(99,'wagtailcore','0040_page_draft_title','2026-12-03 14:20:47.735866');
INSERT INTO "django_migrations" VALUES(100,'wagtailcore','0041_group_collection_permissions_verbose_name_plural','2026-12-03 14:20:47.762052');
INSERT INTO "django_migrations" VALUES(101,'wagtailcore','0042_index_on_pagerevision_approved_go_live_at','2026-12-03 14:20:47.809355');
INSERT INTO "django_migrations" VALUES(102,'wagtailcore','0043_lock_fields','2026-12-03 14:20:47.901090');
INSERT INTO "django_migrations" VALUES(103,'wagtailcore','0044_add_unlock_grouppagepermission','2026-12-03 14:20:47.931139');
INSERT INTO "django_migrations" VALUES(104,'wagtailcore','0045_assign_unlock_grouppagepermission','2026-12-03 14:20:47.991177');
INSERT INTO "django_migrations" VALUES(105,'wagtailcore','0046_site_name_remove_null','2026-12-03 14:20:48.026421');
INSERT INTO "django_migrations" VALUES(106,'wagtailcore','0047_add_workflow_models','2026-12-03 14:20:49.152776');
INSERT INTO "django_migrations" VALUES(107,'wagtailcore','0048_add_default_workflows','2026-12-03 14:20:49.257476');
INSERT INTO "django_migrations" VALUES(108,'wagtailcore','0049_taskstate_finished_by','2026-12-03 14:20:49.319327');
INSERT INTO "django_migrations" VALUES(109,'wagtailcore','0050_workflow_rejected_to_needs_changes','2026-12-03 14:20:49.447295');
INSERT INTO "django_migrations" VALUES(110,'wagtailcore','0051_taskstate_comment','2026-12-03 14:20:49.510318');
INSERT INTO "django_migrations" VALUES(111,'wagtailcore','0052_pagelogentry','2026-12-03 14:20:49.586046');
INSERT INTO "django_migrations" VALUES(112,'wagtailcore','0053_locale_model','2026-12-03 14:20:49.587637');
INSERT INTO "django_migrations" VALUES(113,'wagtailcore','0054_initial_locale','2026-12-03 14:20:49.662518');
INSERT INTO "django_migrations" VALUES(114,'wagtailcore','0055_page_locale_fields','2026-12-03 14:20:49.830010');
INSERT INTO "django_migrations" VALUES(115,'wagtailcore','0056_page_locale_fields_populate','2026-12-03 14:20:49.906048');
INSERT INTO "django_migrations" VALUES(116,'wagtailcore','0057_page_locale_fields_notnull','2026-12-03 14:20:50.062763');
INSERT INTO "django_migrations" VALUES(117,'wagtailcore','0058_page_alias_of','2026-12-03 14:20:50.133948');
INSERT INTO "django_migrations" VALUES(118,'wagtailcore','0059_apply_collection_ordering','2026-12-03 14:20:50.214247');
INSERT INTO "django_migrations" VALUES(119,'wagtailcore','0060_fix_workflow_unique_constraint','2026-12-03 14:20:50.304317');
INSERT INTO "django_migrations" VALUES(120,'wagtailcore','0061_change_promote_tab_helpt_text_and_verbose_names','2026-12-03 14:20:50.360365');
INSERT INTO "django_migrations" VALUES(121,'wagtailcore','0062_comment_models_and_pagesubscription','2026-12-03 14:20:51.082353');
INSERT INTO "django_migrations" VALUES(122,'wagtailcore','0063_modellogentry','2026-12-03 14:20:51.166849');
INSERT INTO "django_migrations" VALUES(123,'wagtailcore','0064_log_timestamp_indexes','2026-12-03 14:20:51.357308');
INSERT INTO "django_migrations" VALUES(124,'wagtailcore','0065_log_entry_uuid','2026-12-03 14:20:51.495696');
INSERT INTO "django_migrations" VALUES(125,'wagtailcore','0066_collection_management_permissions','2026-12-03 14:20:51.610524');
INSERT INTO "django_migrations" VALUES(126,'wagtailcore','0067_alter_pagerevision_content_json','2026-12-03 14:20:51.761967');
INSERT INTO "django_migrations" VALUES(127,'wagtailcore','0068_log_entry_empty_object','2026-12-03 14:20:51.831360');
INSERT INTO "django_migrations" VALUES(128,'wagtailcore','0069_log_entry_jsonfield','2026-12-03 14:20:52.119407');
INSERT INTO "django_migrations" VALUES(129,'wagtail_localize','0001_initial','2026-12-03 14:20:53.788975');
INSERT INTO "django_migrations" VALUES(130,'wagtailcore','0070_rename_pagerevision_revision','2026-12-03 14:20:54.613980');
INSERT INTO "django_migrations" VALUES(131,'wagtailcore','0071_populate_revision_content_type','2026-12-03 14:20:54.716511');
INSERT INTO "django_migrations" VALUES(132,'wagtailcore','0072_alter_revision_content_type_notnull','2026-12-03 14:20:54.974540');
INSERT INTO "django_migrations" VALUES(133,'wagtailcore','0073_page_latest_revision','2026-12-03 14:20:55.095261');
INSERT INTO "django_migrations" VALUES(134,'wagtailcore','0074_revision_object_str','2026-12-03 14:20:55.217095');
INSERT INTO "django_migrations" VALUES(135,'wagtailcore','0075_populate_latest_revision_and_revision_object_str','2026-12-03 14:20:55.419004');
INSERT INTO "django_migrations" VALUES(136,'wagtailcore','0076_modellogentry_revision','2026-12-03 14:20:55.503530');
INSERT INTO "django_migrations" VALUES(137,'wagtailcore','0077_alter_revision_user','2026-12-03 14:20:55.640977');
INSERT INTO "django_migrations" VALUES(138,'wagtailcore','0078_referenceindex','2026-12-03 14:20:56.684450');
INSERT INTO "django_migrations" VALUES(139,'wagtailcore','0079_rename_taskstate_page_revision','2026-12-03 14:20:56.716529');
INSERT INTO "django_migrations" VALUES(140,'wagtailcore','0080_generic_workflowstate','2026-12-03 14:20:57.207692');
INSERT INTO "django_migrations" VALUES(141,'wagtailcore','0081_populate_workflowstate_content_type','2026-12-03 14:20:57.321156');
INSERT INTO "django_migrations" VALUES(142,'wagtailcore','0082_alter_workflowstate_content_type_notnull','2026-12-03 14:20:57.576402');
INSERT INTO "django_migrations" VALUES(143,'wagtailcore','0083_workflowcontenttype','2026-12-03 14:20:57.663339');
INSERT INTO "django_migrations" VALUES(144,'wagtailcore','0084_add_default_page_permissions','2026-12-03 14:20:57.709279');
INSERT INTO "django_migrations" VALUES(145,'wagtailcore','0085_add_grouppagepermission_permission','2026-12-03 14:20:57.884556');
INSERT INTO "django_migrations" VALUES(146,'wagtailcore','0086_populate_grouppagepermission_permission','2026-12-03 14:20:58.107190');
INSERT INTO "django_migrations" VALUES(147,'wagtailcore','0087_alter_grouppagepermission_unique_together_and_more','2026-12-03 14:20:59.469296');
INSERT INTO "django_migrations" VALUES(148,'wagtailcore','0088_fix_log_entry_json_timestamps','2026-12-03 14:20:59.727672');
INSERT INTO "django_migrations" VALUES(149,'wagtailcore','0089_log_entry_data_json_null_to_object','2026-12-03 14:20:59.778196');
INSERT INTO "django_migrations" VALUES(150,'wagtailcore','0090_remove_grouppagepermission_permission_type','2026-12-03 14:21:00.027570');
INSERT INTO "django_migrations" VALUES(151,'wagtailcore','0091_remove_revision_submitted_for_moderation','2026-12-03 14:21:00.082502');
INSERT INTO "django_migrations" VALUES(152,'wagtailcore','0092_alter_collectionviewrestriction_password_and_more','2026-12-03 14:21:00.258550');
INSERT INTO "django_migrations" VALUES(153,'wagtailcore','0093_uploadedfile','2026-12-03 14:21:00.407380');
INSERT INTO "django_migrations" VALUES(154,'wagtailcore','0094_alter_page_locale','2026-12-03 14:21:00.517853');
INSERT INTO "django_migrations" VALUES(155,'wagtailcore','0095_groupsitepermission','2026-12-03 14:21:00.590381');
INSERT INTO "django_migrations" VALUES(156,'wagtailcore','0096_referenceindex_referenceindex_source_object_and_more','2026-12-03 14:21:00.633275');
INSERT INTO "django_migrations" VALUES(157,'wagtailcore','0097_baselogentry_uuid_action_timestamp_indexes','2026-12-03 14:21:00.752452');
INSERT INTO "django_migrations" VALUES(158,'wagtailcore','0098_apitoken','2026-12-03 14:21:00.796005');
INSERT INTO "django_migrations" VALUES(159,'mapping','0001_initial','2026-12-03 14:21:00.797987');
INSERT INTO "django_migrations" VALUES(160,'wagtaildocs','0001_initial','2026-12-03 14:21:01.910309');
INSERT INTO "django_migrations" VALUES(161,'wagtaildocs','0002_initial_data','2026-12-03 14:21:02.029364');
INSERT INTO "django_migrations" VALUES(162,'wagtaildocs','0003_add_verbose_names','2026-12-03 14:21:02.283031');
INSERT INTO "django_migrations" VALUES(163,'wagtaildocs','0004_capitalizeverbose','2026-12-03 14:21:02.846795');
INSERT INTO "django_migrations" VALUES(164,'wagtaildocs','0005_document_collection','2026-12-03 14:21:03.212868');
INSERT INTO "django_migrations" VALUES(165,'wagtaildocs','0006_copy_document_permissions_to_collections','2026-12-03 14:21:03.421293');
INSERT INTO "django_migrations" VALUES(166,'wagtaildocs','0005_alter_uploaded_by_user_on_delete_action','2026-12-03 14:21:03.669196');
INSERT INTO "django_migrations" VALUES(167,'wagtaildocs','0007_merge','2026-12-03 14:21:03.670204');
INSERT INTO "django_migrations" VALUES(168,'wagtaildocs','0008_document_file_size','2026-12-03 14:21:03.798634');
INSERT INTO "django_migrations" VALUES(169,'wagtaildocs','0009_document_verbose_name_plural','2026-12-03 14:21:04.047481');
INSERT INTO "django_migrations" VALUES(170,'wagtaildocs','0010_document_file_hash','2026-12-03 14:21:04.155231');
INSERT INTO "django_migrations" VALUES(171,'wagtaildocs','0011_add_choose_permissions','2026-12-03 14:21:05.076706');
INSERT INTO "django_migrations" VALUES(172,'wagtaildocs','0012_uploadeddocument','2026-12-03 14:21:05.388614');
INSERT INTO "django_migrations" VALUES(173,'wagtaildocs','0013_delete_uploadeddocument','2026-12-03 14:21:05.394190');
INSERT INTO "django_migrations" VALUES(174,'wagtaildocs','0014_alter_document_file_size','2026-12-03 14:21:06.510258');
INSERT INTO "django_migrations" VALUES(175,'wagtailadmin','0002_admin','2026-12-03 14:21:06.526164');
INSERT INTO "django_migrations" VALUES(176,'wagtailadmin','0003_admin_managed','2026-12-03 14:21:06.533913');
INSERT INTO "django_migrations" VALUES(177,'wagtailadmin','0004_editingsession','2026-12-03 14:21:06.648831');
INSERT INTO "django_migrations" VALUES(178,'wagtailadmin','0005_editingsession_is_editing','2026-12-03 14:21:06.843228');
INSERT INTO "django_migrations" VALUES(179,'wagtailadmin','0006_formstate','2026-12-03 14:21:07.097077');
INSERT INTO "django_migrations" VALUES(180,'consultations','0001_initial','2026-12-03 14:21:08.049501');
INSERT INTO "django_migrations" VALUES(181,'civic','0002_homepage','2026-12-03 14:21:08.336491');
INSERT INTO "django_migrations" VALUES(182,'civic','0003_roles','2026-12-03 14:21:09.016647');
INSERT INTO "django_migrations" VALUES(183,'civic','0004_home_page','2026-12-03 14:21:10.103900');
INSERT INTO "django_migrations" VALUES(184,'mapping','0002_issue_reports','2026-12-03 14:21:13.209253');
INSERT INTO "django_migrations" VALUES(185,'mapping','0003_report_hidden_at','2026-12-03 14:21:13.328875');
INSERT INTO "django_migrations" VALUES(186,'civic','0005_participant_profile','2026-12-03 14:21:13.829231');
INSERT INTO "django_migrations" VALUES(187,'civic','0006_organisation_collections','2026-12-03 14:21:16.589098');
INSERT INTO "django_migrations" VALUES(188,'civic','0007_places','2026-12-03 14:21:17.669679');
INSERT INTO "django_migrations" VALUES(189,'civic','0008_information_page','2026-12-03 14:21:18.380501');
INSERT INTO "django_migrations" VALUES(190,'civic','0009_notifications','2026-12-03 14:21:18.992098');
INSERT INTO "django_migrations" VALUES(191,'civic','0010_alter_notification_kind_and_more','2026-12-03 14:21:19.237025');
INSERT INTO "django_migrations" VALUES(192,'civic','0011_user_auto_follow','2026-12-03 14:21:19.668894');
INSERT INTO "django_migrations" VALUES(193,'civic','0012_brand','2026-12-03 14:21:20.026465');
INSERT INTO "django_migrations" VALUES(194,'api','0001_initial','2026-12-03 14:21:20.188106');
INSERT INTO "django_migrations" VALUES(195,'wagtail_localize','0002_translation','2026-12-03 14:21:22.019391');
INSERT INTO "django_migrations" VALUES(196,'wagtail_localize','0003_delete_translation_sources','2026-12-03 14:21:22.262491');
INSERT INTO "django_migrations" VALUES(197,'wagtail_localize','0004_one_source_per_objectlocale','2026-12-03 14:21:22.464355');
INSERT INTO "django_migrations" VALUES(198,'wagtail_localize','0005_remove_translationsource_object','2026-12-03 14:21:22.978472');
INSERT INTO "django_migrations" VALUES(199,'wagtail_localize','0006_create_submit_translation_permission','2026-12-03 14:21:23.304053');
INSERT INTO "django_migrations" VALUES(200,'wagtail_localize','0007_stringtranslation_type_and_tool_name','2026-12-03 14:21:23.340481');
INSERT INTO "django_migrations" VALUES(201,'wagtail_localize','0008_stringtranslation_last_translated_by','2026-12-03 14:21:23.582815');
INSERT INTO "django_migrations" VALUES(202,'wagtail_localize','0009_stringtranslation_errors','2026-12-03 14:21:23.914528');
INSERT INTO "django_migrations" VALUES(203,'wagtail_localize','0010_overridablesegment','2026-12-03 14:21:24.521057');
INSERT INTO "django_migrations" VALUES(204,'wagtail_localize','0011_segmentoverride','2026-12-03 14:21:24.874360');
INSERT INTO "django_migrations" VALUES(205,'wagtail_localize','0012_localesynchronization','2026-12-03 14:21:26.337007');
INSERT INTO "django_migrations" VALUES(206,'wagtail_localize','0013_translationsource_schema_version','2026-12-03 14:21:26.460901');
INSERT INTO "django_migrations" VALUES(207,'wagtail_localize','0014_remove_translation_source_last_updated_at','2026-12-03 14:21:26.532172');
INSERT INTO "django_migrations" VALUES(208,'wagtail_localize','0015_translationcontext_field_path','2026-12-03 14:21:26.556197');
INSERT INTO "django_migrations" VALUES(209,'wagtail_localize','0016_rename_page_revision_translationlog_revision','2026-12-03 14:21:26.706343');
INSERT INTO "django_migrations" VALUES(210,'civic','0013_personal_data_export','2026-12-03 14:21:26.814537');
INSERT INTO "django_migrations" VALUES(211,'civic','0014_report_status_notifications','2026-12-03 14:21:27.103249');
INSERT INTO "django_migrations" VALUES(212,'civic','0015_notification_unsent_index','2026-12-03 14:21:27.276675');
INSERT INTO "django_migrations" VALUES(213,'civic','0016_addresses','2026-12-03 14:21:27.514916');
INSERT INTO "django_migrations" VALUES(214,'civic','0017_address_tail','2026-12-03 14:21:27.681806');
INSERT INTO "django_migrations" VALUES(215,'civic','0018_user_language','2026-12-03 14:21:27.886122');
INSERT INTO "django_migrations" VALUES(216,'civic','0019_welsh_locale','2026-12-03 14:21:28.848978');
INSERT INTO "django_migrations" VALUES(217,'consultations','0002_live_events','2026-12-03 14:21:30.714362');
INSERT INTO "django_migrations" VALUES(218,'consultations','0003_summaries','2026-12-03 14:21:32.086043');
INSERT INTO "django_migrations" VALUES(219,'consultations','0004_moderation','2026-12-03 14:21:37.690126');
INSERT INTO "django_migrations" VALUES(220,'consultations','0005_erased_accounts','2026-12-03 14:21:38.318330');
INSERT INTO "django_migrations" VALUES(221,'consultations','0006_follow','2026-12-03 14:21:38.776359');
INSERT INTO "django_migrations" VALUES(222,'consultations','0007_consultationpage_wards_alerttopic','2026-12-03 14:21:38.908448');
INSERT INTO "django_migrations" VALUES(223,'consultations','0008_conversations','2026-12-03 14:21:39.684360');
INSERT INTO "django_migrations" VALUES(224,'consultations','0009_surveys','2026-12-03 14:21:39.908620');
INSERT INTO "django_migrations" VALUES(225,'consultations','0010_survey_ranking_and_ward_questions','2026-12-03 14:21:39.937175');
INSERT INTO "django_migrations" VALUES(226,'consultations','0011_survey_sections_and_conditions','2026-12-03 14:21:39.967411');
INSERT INTO "django_migrations" VALUES(227,'consultations','0012_survey_layout','2026-12-03 14:21:40.029273');
INSERT INTO "django_migrations" VALUES(228,'consultations','0013_survey_question_wordings','2026-12-03 14:21:40.294996');
INSERT INTO "django_migrations" VALUES(229,'consultations','0014_survey_anonymous_and_assisted','2026-12-03 14:21:41.629781');
INSERT INTO "django_migrations" VALUES(230,'consultations','0015_survey_answer_themes','2026-12-03 14:21:41.732920');
INSERT INTO "django_migrations" VALUES(231,'consultations','0016_proposal_paragraphs','2026-12-03 14:21:42.413992');
INSERT INTO "django_migrations" VALUES(232,'consultations','0017_contribution_language','2026-12-03 14:21:42.561569');
INSERT INTO "django_migrations" VALUES(233,'django_tasks_database','0001_initial','2026-12-03 14:21:42.570688');
INSERT INTO "django_migrations" VALUES(234,'django_tasks_database','0002_alter_dbtaskresult_options','2026-12-03 14:21:42.579321');
INSERT INTO "django_migrations" VALUES(235,'django_tasks_database','0003_dbtaskresult_enqueued_at_dbtaskresult_finished_at','2026-12-03 14:21:42.616892');
INSERT INTO "django_migrations" VALUES(236,'django_tasks_database','0004_dbtaskresult_started_at','2026-12-03 14:21:42.631880');
INSERT INTO "django_migrations" VALUES(237,'django_tasks_database','0005_alter_dbtaskresult_priority_and_more','2026-12-03 14:21:42.678990');
INSERT INTO "django_migrations" VALUES(238,'django_tasks_database','0006_alter_dbtaskresult_args_kwargs_and_more','2026-12-03 14:21:42.760265');
INSERT INTO "django_migrations" VALUES(239,'django_tasks_database','0007_add_separate_results_fields','2026-12-03 14:21:42.781063');
INSERT INTO "django_migrations" VALUES(240,'django_tasks_database','0008_separate_results_field','2026-12-03 14:21:42.918110');
INSERT INTO "django_migrations" VALUES(241,'django_tasks_database','0009_remove_results_field','2026-12-03 14:21:42.948047');
INSERT INTO "django_migrations" VALUES(242,'django_tasks_database','0010_alter_dbtaskresult_status','2026-12-03 14:21:42.973712');
INSERT INTO "django_migrations" VALUES(243,'django_tasks_database','0011_rename_complete_status','2026-12-03 14:21:43.108981');
INSERT INTO "django_migrations" VALUES(244,'django_tasks_database','0012_add_separate_exception_fields','2026-12-03 14:21:43.157307');
INSERT INTO "django_migrations" VALUES(245,'django_tasks_database','0013_separate_exception_fields','2026-12-03 14:21:43.236055');
INSERT INTO "django_migrations" VALUES(246,'django_tasks_database','0014_remove_dbtaskresult_exception_data','2026-12-03 14:21:43.248391');
INSERT INTO "django_migrations" VALUES(247,'django_tasks_database','0015_correctly_order_run_after','2026-12-03 14:21:43.252704');
INSERT INTO "django_migrations" VALUES(248,'django_tasks_database','0016_remove_dbtaskresult_django_task_new_ordering_idx_and_more','2026-12-03 14:21:43.696630');
INSERT INTO "django_migrations" VALUES(249,'django_tasks_database','0017_dbtaskresult_metadata','2026-12-03 14:21:43.723896');
INSERT INTO "django_migrations" VALUES(250,'django_tasks_database','0018_rename_succeeded_status','2026-12-03 14:21:43.834738');
INSERT INTO "django_migrations" VALUES(251,'django_tasks_database','0019_rename_django_task_new_ordering_idx_tasks_db_new_ordering_idx_and_more','2026-12-03 14:21:43.894595');
INSERT INTO "django_migrations" VALUES(252,'django_tasks_database','0020_update_db_task_result_ordering','2026-12-03 14:21:43.904985');
INSERT INTO "django_migrations" VALUES(253,'django_tasks_database','0021_conditional_partial_index_ordering','2026-12-03 14:21:43.914921');
INSERT INTO "django_migrations" VALUES(254,'mapping','0004_places_moved_to_civic','2026-12-03 14:21:44.126676');
INSERT INTO "django_migrations" VALUES(255,'mapping','0005_issuereport_awaiting_confirmation_and_more','2026-12-03 14:21:44.371566');
INSERT INTO "django_migrations" VALUES(256,'mapping','0006_contribution_language','2026-12-03 14:21:44.463193');
INSERT INTO "django_migrations" VALUES(257,'mfa','0001_initial','2026-12-03 14:21:44.988835');
INSERT INTO "django_migrations" VALUES(258,'mfa','0002_authenticator_timestamps','2026-12-03 14:21:45.169649');
INSERT INTO "django_migrations" VALUES(259,'mfa','0003_authenticator_type_uniq','2026-12-03 14:21:45.288811');
INSERT INTO "django_migrations" VALUES(260,'search','0001_initial','2026-12-03 14:21:45.624213');
INSERT INTO "django_migrations" VALUES(261,'search','0002_fulltext','2026-12-03 14:21:45.777232');
INSERT INTO "django_migrations" VALUES(262,'search','0003_organisation_key','2026-12-03 14:21:46.380551');
INSERT INTO "django_migrations" VALUES(263,'search','0004_queued_document','2026-12-03 14:21:46.388890');
INSERT INTO "django_migrations" VALUES(264,'sessions','0001_initial','2026-12-03 14:21:46.397104');
INSERT INTO "django_migrations" VALUES(265,'taggit','0002_auto_20150616_2121','2026-12-03 14:21:46.436578');
INSERT INTO "django_migrations" VALUES(266,'taggit','0003_taggeditem_add_unique_index','2026-12-03 14:21:46.497717');
INSERT INTO "django_migrations" VALUES(267,'taggit','0004_alter_taggeditem_content_type_alter_taggeditem_tag','2026-12-03 14:21:46.661791');
INSERT INTO "django_migrations" VALUES(268,'taggit','0005_auto_20220424_2025','2026-12-03 14:21:46.810335');
INSERT INTO "django_migrations" VALUES(269,'taggit','0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx','2026-12-03 14:21:46.905601');
INSERT INTO "django_migrations" VALUES(270,'wagtailembeds','0001_initial','2026-12-03 14:21:46.926032');
INSERT INTO "django_migrations" VALUES(271,'wagtailembeds','0002_add_verbose_names','2026-12-03 14:21:46.934262');
INSERT INTO "django_migrations" VALUES(272,'wagtailembeds','0003_capitalizeverbose','2026-12-03 14:21:46.942420');
INSERT INTO "django_migrations" VALUES(273,'wagtailembeds','0004_embed_verbose_name_plural','2026-12-03 14:21:46.956050');
INSERT INTO "django_migrations" VALUES(274,'wagtailembeds','0005_specify_thumbnail_url_max_length','2026-12-03 14:21:46.980824');
INSERT INTO "django_migrations" VALUES(275,'wagtailembeds','0006_add_embed_hash','2026-12-03 14:21:47.005131');
INSERT INTO "django_migrations" VALUES(276,'wagtailembeds','0007_populate_hash','2026-12-03 14:21:47.084150');
INSERT INTO "django_migrations" VALUES(277,'wagtailembeds','0008_allow_long_urls','2026-12-03 14:21:47.172634');
INSERT INTO "django_migrations" VALUES(278,'wagtailembeds','0009_embed_cache_until','2026-12-03 14:21:47.188794');
INSERT INTO "django_migrations" VALUES(279,'wagtailforms','0001_initial','2026-12-03 14:21:47.336797');
INSERT INTO "django_migrations" VALUES(280,'wagtailforms','0002_add_verbose_names','2026-12-03 14:21:47.854659');
INSERT INTO "django_migrations" VALUES(281,'wagtailforms','0003_capitalizeverbose','2026-12-03 14:21:47.948137');
INSERT INTO "django_migrations" VALUES(282,'wagtailforms','0004_add_verbose_name_plural','2026-12-03 14:21:47.987975');
INSERT INTO "django_migrations" VALUES(283,'wagtailforms','0005_alter_formsubmission_form_data','2026-12-03 14:21:48.048523');
INSERT INTO "django_migrations" VALUES(284,'wagtailredirects','0001_initial','2026-12-03 14:21:48.139589');
INSERT INTO "django_migrations" VALUES(285,'wagtailredirects','0002_add_verbose_names','2026-12-03 14:21:48.333631');
INSERT INTO "django_migrations" VALUES(286,'wagtailredirects','0003_make_site_field_editable','2026-12-03 14:21:48.439857');
INSERT INTO "django_migrations" VALUES(287,'wagtailredirects','0004_set_unique_on_path_and_site','2026-12-03 14:21:48.499106');
INSERT INTO "django_migrations" VALUES(288,'wagtailredirects','0005_capitalizeverbose','2026-12-03 14:21:49.230748');
INSERT INTO "django_migrations" VALUES(289,'wagtailredirects','0006_redirect_increase_max_length','2026-12-03 14:21:49.331180');
INSERT INTO "django_migrations" VALUES(290,'wagtailredirects','0007_add_autocreate_fields','2026-12-03 14:21:49.669077');
INSERT INTO "django_migrations" VALUES(291,'wagtailredirects','0008_add_verbose_name_plural','2026-12-03 14:21:49.746779');
INSERT INTO "django_migrations" VALUES(292,'wagtailsearch','0001_initial','2026-12-03 14:21:50.188715');
INSERT INTO "django_migrations" VALUES(293,'wagtailsearch','0002_add_verbose_names','2026-12-03 14:21:50.559967');
INSERT INTO "django_migrations" VALUES(294,'wagtailsearch','0003_remove_editors_pick','2026-12-03 14:21:50.561240');
INSERT INTO "django_migrations" VALUES(295,'wagtailsearch','0004_querydailyhits_verbose_name_plural','2026-12-03 14:21:50.582201');
INSERT INTO "django_migrations" VALUES(296,'wagtailsearch','0005_create_indexentry','2026-12-03 14:21:51.486089');
INSERT INTO "django_migrations" VALUES(297,'wagtailsearch','0006_customise_indexentry','2026-12-03 14:21:52.017412');
INSERT INTO "django_migrations" VALUES(298,'wagtailsearch','0007_delete_editorspick','2026-12-03 14:21:52.029351');
INSERT INTO "django_migrations" VALUES(299,'wagtailsearch','0008_remove_query_and_querydailyhits_models','2026-12-03 14:21:52.125993');
INSERT INTO "django_migrations" VALUES(300,'wagtailsearch','0009_remove_ngram_autocomplete','2026-12-03 14:21:52.127150');
INSERT INTO "django_migrations" VALUES(301,'wagtailsearch','0010_add_text_fields','2026-12-03 14:21:52.136320');
INSERT INTO "django_migrations" VALUES(302,'wagtailusers','0001_initial','2026-12-03 14:21:52.412187');
INSERT INTO "django_migrations" VALUES(303,'wagtailusers','0002_add_verbose_name_on_userprofile','2026-12-03 14:21:52.764974');
INSERT INTO "django_migrations" VALUES(304,'wagtailusers','0003_add_verbose_names','2026-12-03 14:21:52.898151');
INSERT INTO "django_migrations" VALUES(305,'wagtailusers','0004_capitalizeverbose','2026-12-03 14:21:54.145412');
INSERT INTO "django_migrations" VALUES(306,'wagtailusers','0005_make_related_name_wagtail_specific','2026-12-03 14:21:54.381669');
INSERT INTO "django_migrations" VALUES(307,'wagtailusers','0006_userprofile_prefered_language','2026-12-03 14:21:54.528844');
INSERT INTO "django_migrations" VALUES(308,'wagtailusers','0007_userprofile_current_time_zone','2026-12-03 14:21:54.683490');
INSERT INTO "django_migrations" VALUES(309,'wagtailusers','0008_userprofile_avatar','2026-12-03 14:21:54.843336');
INSERT INTO "django_migrations" VALUES(310,'wagtailusers','0009_userprofile_verbose_name_plural','2026-12-03 14:21:54.978906');
INSERT INTO "django_migrations" VALUES(311,'wagtailusers','0010_userprofile_updated_comments_notifications','2026-12-03 14:21:55.143555');
INSERT INTO "django_migrations" VALUES(312,'wagtailusers','0011_userprofile_dismissibles','2026-12-03 14:21:55.320036');
INSERT INTO "django_migrations" VALUES(313,'wagtailusers','0012_userprofile_theme','2026-12-03 14:21:55.488613');
INSERT INTO "django_migrations" VALUES(314,'wagtailusers','0013_userprofile_density','2026-12-03 14:21:55.658716');
INSERT INTO "django_migrations" VALUES(315,'wagtailusers','0014_userprofile_contrast','2026-12-03 14:21:55.825214');
INSERT INTO "django_migrations" VALUES(316,'wagtailusers','0015_userprofile_keyboard_shortcuts','2026-12-03 14:21:55.987912');
INSERT INTO "django_content_type" VALUES(1,'wagtailcore','page');
INSERT INTO "django_content_type" VALUES(2,'wagtailimages','image');
INSERT INTO "django_content_type" VALUES(3,'wagtailadmin','admin');
INSERT INTO "django_content_type" VALUES(4,'wagtailcore','groupapprovaltask');
INSERT INTO "django_content_type" VALUES(5,'wagtailcore','apitoken');
INSERT INTO "django_content_type" VALUES(6,'wagtailcore','collection');
INSERT INTO "django_content_type" VALUES(7,'wagtailcore','collectionviewrestriction');
INSERT INTO "django_content_type" VALUES(8,'wagtailcore','comment');
INSERT INTO "django_content_type" VALUES(9,'wagtailcore','commentreply');
INSERT INTO "django_content_type" VALUES(10,'wagtailcore','groupcollectionpermission');
INSERT INTO "django_content_type" VALUES(11,'wagtailcore','grouppagepermission');
INSERT INTO "django_content_type" VALUES(12,'wagtailcore','groupsitepermission');
INSERT INTO "django_content_type" VALUES(13,'wagtailcore','locale');
INSERT INTO "django_content_type" VALUES(14,'wagtailcore','modellogentry');
INSERT INTO "django_content_type" VALUES(15,'wagtailcore','pagelogentry');
INSERT INTO "django_content_type" VALUES(16,'wagtailcore','pagesubscription');
INSERT INTO "django_content_type" VALUES(17,'wagtailcore','pageviewrestriction');
INSERT INTO "django_content_type" VALUES(18,'wagtailcore','referenceindex');
INSERT INTO "django_content_type" VALUES(19,'wagtailcore','revision');
INSERT INTO "django_content_type" VALUES(20,'wagtailcore','site');
INSERT INTO "django_content_type" VALUES(21,'wagtailcore','task');
INSERT INTO "django_content_type" VALUES(22,'wagtailcore','taskstate');
INSERT INTO "django_content_type" VALUES(23,'wagtailcore','uploadedfile');
INSERT INTO "django_content_type" VALUES(24,'wagtailcore','workflow');
INSERT INTO "django_content_type" VALUES(25,'wagtailcore','workflowcontenttype');
INSERT INTO "django_content_type" VALUES(26,'wagtailcore','workflowpage');
INSERT INTO "django_content_type" VALUES(27,'wagtailcore','workflowstate');
INSERT INTO "django_content_type" VALUES(28,'wagtailcore','workflowtask');
INSERT INTO "django_content_type" VALUES(29,'wagtaildocs','document');
INSERT INTO "django_content_type" VALUES(30,'account','emailaddress');
INSERT INTO "django_content_type" VALUES(31,'account','emailconfirmation');
INSERT INTO "django_content_type" VALUES(32,'admin','logentry');
INSERT INTO "django_content_type" VALUES(33,'auth','group');
INSERT INTO "django_content_type" VALUES(34,'auth','permission');
INSERT INTO "django_content_type" VALUES(35,'civic','homepage');
INSERT INTO "django_content_type" VALUES(36,'civic','organisation');
INSERT INTO "django_content_type" VALUES(37,'civic','user');
INSERT INTO "django_content_type" VALUES(38,'consultations','comment');
INSERT INTO "django_content_type" VALUES(39,'consultations','consultationindexpage');
INSERT INTO "django_content_type" VALUES(40,'consultations','consultationpage');
INSERT INTO "django_content_type" VALUES(41,'consultations','proposalpage');
INSERT INTO "django_content_type" VALUES(42,'consultations','topic');
INSERT INTO "django_content_type" VALUES(43,'consultations','vote');
INSERT INTO "django_content_type" VALUES(44,'contenttypes','contenttype');
INSERT INTO "django_content_type" VALUES(45,'civic','area');
INSERT INTO "django_content_type" VALUES(46,'taggit','tag');
INSERT INTO "django_content_type" VALUES(47,'taggit','taggeditem');
INSERT INTO "django_content_type" VALUES(48,'wagtail_localize','relatedobjectsegment');
INSERT INTO "django_content_type" VALUES(49,'wagtail_localize','string');
INSERT INTO "django_content_type" VALUES(50,'wagtail_localize','stringsegment');
INSERT INTO "django_content_type" VALUES(51,'wagtail_localize','stringtranslation');
INSERT INTO "django_content_type" VALUES(52,'wagtail_localize','template');
INSERT INTO "django_content_type" VALUES(53,'wagtail_localize','templatesegment');
INSERT INTO "django_content_type" VALUES(54,'wagtail_localize','translatableobject');
INSERT INTO "django_content_type" VALUES(55,'wagtail_localize','translationcontext');
INSERT INTO "django_content_type" VALUES(56,'wagtail_localize','translationlog');
INSERT INTO "django_content_type" VALUES(57,'wagtail_localize','translationsource');
INSERT INTO "django_content_type" VALUES(58,'wagtailadmin','editingsession');
INSERT INTO "django_content_type" VALUES(59,'wagtailadmin','formstate');
INSERT INTO "django_content_type" VALUES(60,'wagtailimages','rendition');
INSERT INTO "django_content_type" VALUES(61,'wagtail_localize','translation');
INSERT INTO "django_content_type" VALUES(62,'civic','address');
INSERT INTO "django_content_type" VALUES(63,'civic','brand');
INSERT INTO "django_content_type" VALUES(64,'civic','gazetteerentry');
INSERT INTO "django_content_type" VALUES(65,'civic','informationpage');
INSERT INTO "django_content_type" VALUES(66,'civic','notification');
INSERT INTO "django_content_type" VALUES(67,'civic','notificationpreference');
INSERT INTO "django_content_type" VALUES(68,'civic','participantprofile');
INSERT INTO "django_content_type" VALUES(69,'civic','personaldataexport');
INSERT INTO "django_content_type" VALUES(70,'civic','wardcouncillor');
INSERT INTO "django_content_type" VALUES(71,'consultations','alerttopic');
INSERT INTO "django_content_type" VALUES(72,'consultations','conversationpage');
INSERT INTO "django_content_type" VALUES(73,'consultations','feedbackresponse');
INSERT INTO "django_content_type" VALUES(74,'consultations','flag');
INSERT INTO "django_content_type" VALUES(75,'consultations','follow');
INSERT INTO "django_content_type" VALUES(76,'consultations','liveevent');
INSERT INTO "django_content_type" VALUES(77,'consultations','livesequence');
INSERT INTO "django_content_type" VALUES(78,'consultations','moderationdecision');
INSERT INTO "django_content_type" VALUES(79,'consultations','opinionresult');
INSERT INTO "django_content_type" VALUES(80,'consultations','opinionvote');
INSERT INTO "django_content_type" VALUES(81,'consultations','populationbaseline');
INSERT INTO "django_content_type" VALUES(82,'consultations','questionwording');
INSERT INTO "django_content_type" VALUES(83,'consultations','statement');
INSERT INTO "django_content_type" VALUES(84,'consultations','surveyanswertheme');
INSERT INTO "django_content_type" VALUES(85,'consultations','surveypage');
INSERT INTO "django_content_type" VALUES(86,'consultations','surveyresponse');
INSERT INTO "django_content_type" VALUES(87,'consultations','theme');
INSERT INTO "django_content_type" VALUES(88,'consultations','thememembership');
INSERT INTO "django_content_type" VALUES(89,'consultations','themerun');
INSERT INTO "django_content_type" VALUES(90,'mapping','issuecategory');
INSERT INTO "django_content_type" VALUES(91,'mapping','issuereport');
INSERT INTO "django_content_type" VALUES(92,'mapping','partnerapikey');
INSERT INTO "django_content_type" VALUES(93,'mapping','statuschange');
INSERT INTO "django_content_type" VALUES(94,'search','indexbuild');
INSERT INTO "django_content_type" VALUES(95,'search','pendingupdate');
INSERT INTO "django_content_type" VALUES(96,'search','queueddocument');
INSERT INTO "django_content_type" VALUES(97,'search','savedsearch');
INSERT INTO "django_content_type" VALUES(98,'search','searchentry');
INSERT INTO "django_content_type" VALUES(99,'api','apitoken');
INSERT INTO "django_content_type" VALUES(100,'wagtailforms','formsubmission');
INSERT INTO "django_content_type" VALUES(101,'wagtailredirects','redirect');
INSERT INTO "django_content_type" VALUES(102,'wagtail_localize','localesynchronization');
INSERT INTO "django_content_type" VALUES(103,'wagtail_localize','overridablesegment');
INSERT INTO "django_content_type" VALUES(104,'wagtail_localize','segmentoverride');
INSERT INTO "django_content_type" VALUES(105,'wagtailembeds','embed');
INSERT INTO "django_content_type" VALUES(106,'wagtailusers','userprofile');
INSERT INTO "django_content_type" VALUES(107,'wagtailsearch','indexentry');
INSERT INTO "django_content_type" VALUES(108,'wagtailsearch','sqliteftsindexentry');
INSERT INTO "django_content_type" VALUES(109,'mfa','authenticator');
INSERT INTO "django_content_type" VALUES(110,'django_tasks_database','dbtaskresult');
INSERT INTO "django_content_type" VALUES(111,'sessions','session');
INSERT INTO "auth_group_permissions" VALUES(4,1,1);
INSERT INTO "auth_group_permissions" VALUES(5,1,2);
INSERT INTO "auth_group_permissions" VALUES(6,1,3);
INSERT INTO "auth_group_permissions" VALUES(8,1,4);
INSERT INTO "auth_group_permissions" VALUES(10,1,5);
INSERT INTO "auth_group_permissions" VALUES(14,1,114);
INSERT INTO "auth_group_permissions" VALUES(15,1,115);
INSERT INTO "auth_group_permissions" VALUES(16,1,116);
INSERT INTO "auth_group_permissions" VALUES(18,1,117);
INSERT INTO "auth_group_permissions" VALUES(19,5,4);
INSERT INTO "auth_group_permissions" VALUES(20,5,1);
INSERT INTO "auth_group_permissions" VALUES(21,5,2);
INSERT INTO "auth_group_permissions" VALUES(22,5,5);
INSERT INTO "auth_group_permissions" VALUES(23,5,114);
INSERT INTO "auth_group_permissions" VALUES(24,5,115);
INSERT INTO "auth_group_permissions" VALUES(25,5,117);
INSERT INTO "auth_group_permissions" VALUES(26,5,141);
INSERT INTO "auth_group_permissions" VALUES(27,5,158);
INSERT INTO "auth_group_permissions" VALUES(28,5,159);
INSERT INTO "auth_group_permissions" VALUES(29,5,161);
INSERT INTO "auth_group_permissions" VALUES(30,5,173);
INSERT INTO "auth_group_permissions" VALUES(31,5,169);
INSERT INTO "auth_group_permissions" VALUES(33,1,173);
INSERT INTO "auth_group_permissions" VALUES(34,1,171);
INSERT INTO "auth_group_permissions" VALUES(35,1,161);
INSERT INTO "auth_group_permissions" VALUES(36,1,244);
INSERT INTO "auth_group_permissions" VALUES(38,5,244);
INSERT INTO "auth_permission" VALUES(1,2,'add_image','Can add image');
INSERT INTO "auth_permission" VALUES(2,2,'change_image','Can change image');
INSERT INTO "auth_permission" VALUES(3,2,'delete_image','Can delete image');
INSERT INTO "auth_permission" VALUES(4,3,'access_admin','Can access Wagtail admin');
INSERT INTO "auth_permission" VALUES(5,2,'choose_image','Can choose image');
INSERT INTO "auth_permission" VALUES(6,13,'add_locale','Can add locale');
INSERT INTO "auth_permission" VALUES(7,13,'change_locale','Can change locale');
INSERT INTO "auth_permission" VALUES(8,13,'delete_locale','Can delete locale');
INSERT INTO "auth_permission" VALUES(9,13,'view_locale','Can view locale');
INSERT INTO "auth_permission" VALUES(10,20,'add_site','Can add site');
INSERT INTO "auth_permission" VALUES(11,20,'change_site','Can change site');
INSERT INTO "auth_permission" VALUES(12,20,'delete_site','Can delete site');
INSERT INTO "auth_permission" VALUES(13,20,'view_site','Can view site');
INSERT INTO "auth_permission" VALUES(14,12,'add_groupsitepermission','Can add group site permission');
INSERT INTO "auth_permission" VALUES(15,12,'change_groupsitepermission','Can change group site permission');
INSERT INTO "auth_permission" VALUES(16,12,'delete_groupsitepermission','Can delete group site permission');
INSERT INTO "auth_permission" VALUES(17,12,'view_groupsitepermission','Can view group site permission');
INSERT INTO "auth_permission" VALUES(18,5,'add_apitoken','Can add API token');
INSERT INTO "auth_permission" VALUES(19,5,'change_apitoken','Can change API token');
INSERT INTO "auth_permission" VALUES(20,5,'delete_apitoken','Can delete API token');
INSERT INTO "auth_permission" VALUES(21,5,'view_apitoken','Can view API token');
INSERT INTO "auth_permission" VALUES(22,14,'add_modellogentry','Can add model log entry');
INSERT INTO "auth_permission" VALUES(23,14,'change_modellogentry','Can change model log entry');
INSERT INTO "auth_permission" VALUES(24,14,'delete_modellogentry','Can delete model log entry');
INSERT INTO "auth_permission" VALUES(25,14,'view_modellogentry','Can view model log entry');
INSERT INTO "auth_permission" VALUES(26,19,'add_revision','Can add revision');
INSERT INTO "auth_permission" VALUES(27,19,'change_revision','Can change revision');
INSERT INTO "auth_permission" VALUES(28,19,'delete_revision','Can delete revision');
INSERT INTO "auth_permission" VALUES(29,19,'view_revision','Can view revision');
INSERT INTO "auth_permission" VALUES(30,7,'add_collectionviewrestriction','Can add collection view restriction');
INSERT INTO "auth_permission" VALUES(31,7,'change_collectionviewrestriction','Can change collection view restriction');
INSERT INTO "auth_permission" VALUES(32,7,'delete_collectionviewrestriction','Can delete collection view restriction');
INSERT INTO "auth_permission" VALUES(33,7,'view_collectionviewrestriction','Can view collection view restriction');
INSERT INTO "auth_permission" VALUES(34,6,'add_collection','Can add collection');
INSERT INTO "auth_permission" VALUES(35,6,'change_collection','Can change collection');
INSERT INTO "auth_permission" VALUES(36,6,'delete_collection','Can delete collection');
INSERT INTO "auth_permission" VALUES(37,6,'view_collection','Can view collection');
INSERT INTO "auth_permission" VALUES(38,10,'add_groupcollectionpermission','Can add group collection permission');
INSERT INTO "auth_permission" VALUES(39,10,'change_groupcollectionpermission','Can change group collection permission');
INSERT INTO "auth_permission" VALUES(40,10,'delete_groupcollectionpermission','Can delete group collection permission');
INSERT INTO "auth_permission" VALUES(41,10,'view_groupcollectionpermission','Can view group collection permission');
INSERT INTO "auth_permission" VALUES(42,23,'add_uploadedfile','Can add uploaded file');
INSERT INTO "auth_permission" VALUES(43,23,'change_uploadedfile','Can change uploaded file');
INSERT INTO "auth_permission" VALUES(44,23,'delete_uploadedfile','Can delete uploaded file');
INSERT INTO "auth_permission" VALUES(45,23,'view_uploadedfile','Can view uploaded file');
INSERT INTO "auth_permission" VALUES(46,25,'add_workflowcontenttype','Can add workflow content type');
INSERT INTO "auth_permission" VALUES(47,25,'change_workflowcontenttype','Can change workflow content type');
INSERT INTO "auth_permission" VALUES(48,25,'delete_workflowcontenttype','Can delete workflow content type');
INSERT INTO "auth_permission" VALUES(49,25,'view_workflowcontenttype','Can view workflow content type');
INSERT INTO "auth_permission" VALUES(50,27,'add_workflowstate','Can add Workflow state');
INSERT INTO "auth_permission" VALUES(51,27,'change_workflowstate','Can change Workflow state');
INSERT INTO "auth_permission" VALUES(52,27,'delete_workflowstate','Can delete Workflow state');
INSERT INTO "auth_permission" VALUES(53,27,'view_workflowstate','Can view Workflow state');
INSERT INTO "auth_permission" VALUES(54,24,'add_workflow','Can add workflow');
INSERT INTO "auth_permission" VALUES(55,24,'change_workflow','Can change workflow');
INSERT INTO "auth_permission" VALUES(56,24,'delete_workflow','Can delete workflow');
INSERT INTO "auth_permission" VALUES(57,24,'view_workflow','Can view workflow');
INSERT INTO "auth_permission" VALUES(58,28,'add_workflowtask','Can add workflow task order');
INSERT INTO "auth_permission" VALUES(59,28,'change_workflowtask','Can change workflow task order');
INSERT INTO "auth_permission" VALUES(60,28,'delete_workflowtask','Can delete workflow task order');
INSERT INTO "auth_permission" VALUES(61,28,'view_workflowtask','Can view workflow task order');
INSERT INTO "auth_permission" VALUES(62,21,'add_task','Can add task');
INSERT INTO "auth_permission" VALUES(63,21,'change_task','Can change task');
INSERT INTO "auth_permission" VALUES(64,21,'delete_task','Can delete task');
INSERT INTO "auth_permission" VALUES(65,21,'view_task','Can view task');
INSERT INTO "auth_permission" VALUES(66,4,'add_groupapprovaltask','Can add Group approval task');
INSERT INTO "auth_permission" VALUES(67,4,'change_groupapprovaltask','Can change Group approval task');
INSERT INTO "auth_permission" VALUES(68,4,'delete_groupapprovaltask','Can delete Group approval task');
INSERT INTO "auth_permission" VALUES(69,4,'view_groupapprovaltask','Can view Group approval task');
INSERT INTO "auth_permission" VALUES(70,22,'add_taskstate','Can add Task state');
INSERT INTO "auth_permission" VALUES(71,22,'change_taskstate','Can change Task state');
INSERT INTO "auth_permission" VALUES(72,22,'delete_taskstate','Can delete Task state');
INSERT INTO "auth_permission" VALUES(73,22,'view_taskstate','Can view Task state');
INSERT INTO "auth_permission" VALUES(74,1,'add_page','Can add page');
INSERT INTO "auth_permission" VALUES(75,1,'change_page','Can change page');
INSERT INTO "auth_permission" VALUES(76,1,'delete_page','Can delete page');
INSERT INTO "auth_permission" VALUES(77,1,'view_page','Can view page');
INSERT INTO "auth_permission" VALUES(78,1,'bulk_delete_page','Delete pages with children');
INSERT INTO "auth_permission" VALUES(79,1,'lock_page','Lock/unlock pages you''ve locked');
INSERT INTO "auth_permission" VALUES(80,1,'publish_page','Publish any page');
INSERT INTO "auth_permission" VALUES(81,1,'unlock_page','Unlock any page');
INSERT INTO "auth_permission" VALUES(82,11,'add_grouppagepermission','Can add group page permission');
INSERT INTO "auth_permission" VALUES(83,11,'change_grouppagepermission','Can change group page permission');
INSERT INTO "auth_permission" VALUES(84,11,'delete_grouppagepermission','Can delete group page permission');
INSERT INTO "auth_permission" VALUES(85,11,'view_grouppagepermission','Can view group page permission');
INSERT INTO "auth_permission" VALUES(86,17,'add_pageviewrestriction','Can add page view restriction');
INSERT INTO "auth_permission" VALUES(87,17,'change_pageviewrestriction','Can change page view restriction');
INSERT INTO "auth_permission" VALUES(88,17,'delete_pageviewrestriction','Can delete page view restriction');
INSERT INTO "auth_permission" VALUES(89,17,'view_pageviewrestriction','Can view page view restriction');
INSERT INTO "auth_permission" VALUES(90,26,'add_workflowpage','Can add workflow page');
INSERT INTO "auth_permission" VALUES(91,26,'change_workflowpage','Can change workflow page');
INSERT INTO "auth_permission" VALUES(92,26,'delete_workflowpage','Can delete workflow page');
INSERT INTO "auth_permission" VALUES(93,26,'view_workflowpage','Can view workflow page');
INSERT INTO "auth_permission" VALUES(94,15,'add_pagelogentry','Can add page log entry');
INSERT INTO "auth_permission" VALUES(95,15,'change_pagelogentry','Can change page log entry');
INSERT INTO "auth_permission" VALUES(96,15,'delete_pagelogentry','Can delete page log entry');
INSERT INTO "auth_permission" VALUES(97,15,'view_pagelogentry','Can view page log entry');
INSERT INTO "auth_permission" VALUES(98,8,'add_comment','Can add comment');
INSERT INTO "auth_permission" VALUES(99,8,'change_comment','Can change comment');
INSERT INTO "auth_permission" VALUES(100,8,'delete_comment','Can delete comment');
INSERT INTO "auth_permission" VALUES(101,8,'view_comment','Can view comment');
INSERT INTO "auth_permission" VALUES(102,9,'add_commentreply','Can add comment reply');
INSERT INTO "auth_permission" VALUES(103,9,'change_commentreply','Can change comment reply');
INSERT INTO "auth_permission" VALUES(104,9,'delete_commentreply','Can delete comment reply');
INSERT INTO "auth_permission" VALUES(105,9,'view_commentreply','Can view comment reply');
INSERT INTO "auth_permission" VALUES(106,16,'add_pagesubscription','Can add page subscription');
INSERT INTO "auth_permission" VALUES(107,16,'change_pagesubscription','Can change page subscription');
INSERT INTO "auth_permission" VALUES(108,16,'delete_pagesubscription','Can delete page subscription');
INSERT INTO "auth_permission" VALUES(109,16,'view_pagesubscription','Can view page subscription');
INSERT INTO "auth_permission" VALUES(110,18,'add_referenceindex','Can add reference index');
INSERT INTO "auth_permission" VALUES(111,18,'change_referenceindex','Can change reference index');
INSERT INTO "auth_permission" VALUES(112,18,'delete_referenceindex','Can delete reference index');
INSERT INTO "auth_permission" VALUES(113,18,'view_referenceindex','Can view reference index');
INSERT INTO "auth_permission" VALUES(114,29,'add_document','Can add document');
INSERT INTO "auth_permission" VALUES(115,29,'change_document','Can change document');
INSERT INTO "auth_permission" VALUES(116,29,'delete_document','Can delete document');
INSERT INTO "auth_permission" VALUES(117,29,'choose_document','Can choose document');
INSERT INTO "auth_permission" VALUES(118,30,'add_emailaddress','Can add email address');
INSERT INTO "auth_permission" VALUES(119,30,'change_emailaddress','Can change email address');
INSERT INTO "auth_permission" VALUES(120,30,'delete_emailaddress','Can delete email address');
INSERT INTO "auth_permission" VALUES(121,30,'view_emailaddress','Can view email address');
INSERT INTO "auth_permission" VALUES(122,31,'add_emailconfirmation','Can add email confirmation');
INSERT INTO "auth_permission" VALUES(123,31,'change_emailconfirmation','Can change email confirmation');
INSERT INTO "auth_permission" VALUES(124,31,'delete_emailconfirmation','Can delete email confirmation');
INSERT INTO "auth_permission" VALUES(125,31,'view_emailconfirmation','Can view email confirmation');
INSERT INTO "auth_permission" VALUES(126,32,'add_logentry','Can add log entry');
INSERT INTO "auth_permission" VALUES(127,32,'change_logentry','Can change log entry');
INSERT INTO "auth_permission" VALUES(128,32,'delete_logentry','Can delete log entry');
INSERT INTO "auth_permission" VALUES(129,32,'view_logentry','Can view log entry');
INSERT INTO "auth_permission" VALUES(130,34,'add_permission','Can add permission');
INSERT INTO "auth_permission" VALUES(131,34,'change_permission','Can change permission');
INSERT INTO "auth_permission" VALUES(132,34,'delete_permission','Can delete permission');
INSERT INTO "auth_permission" VALUES(133,34,'view_permission','Can view permission');
INSERT INTO "auth_permission" VALUES(134,33,'add_group','Can add group');
INSERT INTO "auth_permission" VALUES(135,33,'change_group','Can change group');
INSERT INTO "auth_permission" VALUES(136,33,'delete_group','Can delete group');
INSERT INTO "auth_permission" VALUES(137,33,'view_group','Can view group');
INSERT INTO "auth_permission" VALUES(138,36,'add_organisation','Can add organisation');
INSERT INTO "auth_permission" VALUES(139,36,'change_organisation','Can change organisation');
INSERT INTO "auth_permission" VALUES(140,36,'delete_organisation','Can delete organisation');
INSERT INTO "auth_permission" VALUES(141,36,'view_organisation','Can view organisation');
INSERT INTO "auth_permission" VALUES(142,37,'add_user','Can add user');
INSERT INTO "auth_permission" VALUES(143,37,'change_user','Can change user');
INSERT INTO "auth_permission" VALUES(144,37,'delete_user','Can delete user');
INSERT INTO "auth_permission" VALUES(145,37,'view_user','Can view user');
INSERT INTO "auth_permission" VALUES(146,35,'add_homepage','Can add home page');
INSERT INTO "auth_permission" VALUES(147,35,'change_homepage','Can change home page');
INSERT INTO "auth_permission" VALUES(148,35,'delete_homepage','Can delete home page');
INSERT INTO "auth_permission" VALUES(149,35,'view_homepage','Can view home page');
INSERT INTO "auth_permission" VALUES(150,39,'add_consultationindexpage','Can add consultation index page');
INSERT INTO "auth_permission" VALUES(151,39,'change_consultationindexpage','Can change consultation index page');
INSERT INTO "auth_permission" VALUES(152,39,'delete_consultationindexpage','Can delete consultation index page');
INSERT INTO "auth_permission" VALUES(153,39,'view_consultationindexpage','Can view consultation index page');
INSERT INTO "auth_permission" VALUES(154,41,'add_proposalpage','Can add proposal page');
INSERT INTO "auth_permission" VALUES(155,41,'change_proposalpage','Can change proposal page');
INSERT INTO "auth_permission" VALUES(156,41,'delete_proposalpage','Can delete proposal page');
INSERT INTO "auth_permission" VALUES(157,41,'view_proposalpage','Can view proposal page');
INSERT INTO "auth_permission" VALUES(158,42,'add_topic','Can add topic');
INSERT INTO "auth_permission" VALUES(159,42,'change_topic','Can change topic');
INSERT INTO "auth_permission" VALUES(160,42,'delete_topic','Can delete topic');
INSERT INTO "auth_permission" VALUES(161,42,'view_topic','Can view topic');
INSERT INTO "auth_permission" VALUES(162,40,'add_consultationpage','Can add consultation page');
INSERT INTO "auth_permission" VALUES(163,40,'change_consultationpage','Can change consultation page');
INSERT INTO "auth_permission" VALUES(164,40,'delete_consultationpage','Can delete consultation page');
INSERT INTO "auth_permission" VALUES(165,40,'view_consultationpage','Can view consultation page');
INSERT INTO "auth_permission" VALUES(166,43,'add_vote','Can add vote');
INSERT INTO "auth_permission" VALUES(167,43,'change_vote','Can change vote');
INSERT INTO "auth_permission" VALUES(168,43,'delete_vote','Can delete vote');
INSERT INTO "auth_permission" VALUES(169,43,'view_vote','Can view vote');
INSERT INTO "auth_permission" VALUES(170,38,'add_comment','Can add comment');
INSERT INTO "auth_permission" VALUES(171,38,'change_comment','Can change comment');
INSERT INTO "auth_permission" VALUES(172,38,'delete_comment','Can delete comment');
INSERT INTO "auth_permission" VALUES(173,38,'view_comment','Can view comment');
INSERT INTO "auth_permission" VALUES(174,44,'add_contenttype','Can add content type');
INSERT INTO "auth_permission" VALUES(175,44,'change_contenttype','Can change content type');
INSERT INTO "auth_permission" VALUES(176,44,'delete_contenttype','Can delete content type');
INSERT INTO "auth_permission" VALUES(177,44,'view_contenttype','Can view content type');
INSERT INTO "auth_permission" VALUES(178,45,'add_area','Can add area');
INSERT INTO "auth_permission" VALUES(179,45,'change_area','Can change area');
INSERT INTO "auth_permission" VALUES(180,45,'delete_area','Can delete area');
INSERT INTO "auth_permission" VALUES(181,45,'view_area','Can view area');
INSERT INTO "auth_permission" VALUES(182,46,'add_tag','Can add tag');
INSERT INTO "auth_permission" VALUES(183,46,'change_tag','Can change tag');
INSERT INTO "auth_permission" VALUES(184,46,'delete_tag','Can delete tag');
INSERT INTO "auth_permission" VALUES(185,46,'view_tag','Can view tag');
INSERT INTO "auth_permission" VALUES(186,47,'add_taggeditem','Can add tagged item');
INSERT INTO "auth_permission" VALUES(187,47,'change_taggeditem','Can change tagged item');
INSERT INTO "auth_permission" VALUES(188,47,'delete_taggeditem','Can delete tagged item');
INSERT INTO "auth_permission" VALUES(189,47,'view_taggeditem','Can view tagged item');
INSERT INTO "auth_permission" VALUES(190,49,'add_string','Can add string');
INSERT INTO "auth_permission" VALUES(191,49,'change_string','Can change string');
INSERT INTO "auth_permission" VALUES(192,49,'delete_string','Can delete string');
INSERT INTO "auth_permission" VALUES(193,49,'view_string','Can view string');
INSERT INTO "auth_permission" VALUES(194,52,'add_template','Can add template');
INSERT INTO "auth_permission" VALUES(195,52,'change_template','Can change template');
INSERT INTO "auth_permission" VALUES(196,52,'delete_template','Can delete template');
INSERT INTO "auth_permission" VALUES(197,52,'view_template','Can view template');
INSERT INTO "auth_permission" VALUES(198,54,'add_translatableobject','Can add translatable object');
INSERT INTO "auth_permission" VALUES(199,54,'change_translatableobject','Can change translatable object');
INSERT INTO "auth_permission" VALUES(200,54,'delete_translatableobject','Can delete translatable object');
INSERT INTO "auth_permission" VALUES(201,54,'view_translatableobject','Can view translatable object');
INSERT INTO "auth_permission" VALUES(202,57,'add_translationsource','Can add translation source');
INSERT INTO "auth_permission" VALUES(203,57,'change_translationsource','Can change translation source');
INSERT INTO "auth_permission" VALUES(204,57,'delete_translationsource','Can delete translation source');
INSERT INTO "auth_permission" VALUES(205,57,'view_translationsource','Can view translation source');
INSERT INTO "auth_permission" VALUES(206,56,'add_translationlog','Can add translation log');
INSERT INTO "auth_permission" VALUES(207,56,'change_translationlog','Can change translation log');
INSERT INTO "auth_permission" VALUES(208,56,'delete_translationlog','Can delete translation log');
INSERT INTO "auth_permission" VALUES(209,56,'view_translationlog','Can view translation log');
INSERT INTO "auth_permission" VALUES(210,55,'add_translationcontext','Can add translation context');
INSERT INTO "auth_permission" VALUES(211,55,'change_translationcontext','Can change translation context');
INSERT INTO "auth_permission" VALUES(212,55,'delete_translationcontext','Can delete translation context');
INSERT INTO "auth_permission" VALUES(213,55,'view_translationcontext','Can view translation context');
INSERT INTO "auth_permission" VALUES(214,53,'add_templatesegment','Can add template segment');
INSERT INTO "auth_permission" VALUES(215,53,'change_templatesegment','Can change template segment');
INSERT INTO "auth_permission" VALUES(216,53,'delete_templatesegment','Can delete template segment');
INSERT INTO "auth_permission" VALUES(217,53,'view_templatesegment','Can view template segment');
INSERT INTO "auth_permission" VALUES(218,50,'add_stringsegment','Can add string segment');
INSERT INTO "auth_permission" VALUES(219,50,'change_stringsegment','Can change string segment');
INSERT INTO "auth_permission" VALUES(220,50,'delete_stringsegment','Can delete string segment');
INSERT INTO "auth_permission" VALUES(221,50,'view_stringsegment','Can view string segment');
INSERT INTO "auth_permission" VALUES(222,48,'add_relatedobjectsegment','Can add related object segment');
INSERT INTO "auth_permission" VALUES(223,48,'change_relatedobjectsegment','Can change related object segment');
INSERT INTO "auth_permission" VALUES(224,48,'delete_relatedobjectsegment','Can delete related object segment');
INSERT INTO "auth_permission" VALUES(225,48,'view_relatedobjectsegment','Can view related object segment');
INSERT INTO "auth_permission" VALUES(226,51,'add_stringtranslation','Can add string translation');
INSERT INTO "auth_permission" VALUES(227,51,'change_stringtranslation','Can change string translation');
INSERT INTO "auth_permission" VALUES(228,51,'delete_stringtranslation','Can delete string translation');
INSERT INTO "auth_permission" VALUES(229,51,'view_stringtranslation','Can view string translation');
INSERT INTO "auth_permission" VALUES(230,58,'add_editingsession','Can add editing session');
INSERT INTO "auth_permission" VALUES(231,58,'change_editingsession','Can change editing session');
INSERT INTO "auth_permission" VALUES(232,58,'delete_editingsession','Can delete editing session');
INSERT INTO "auth_permission" VALUES(233,58,'view_editingsession','Can view editing session');
INSERT INTO "auth_permission" VALUES(234,59,'add_formstate','Can add form state');
INSERT INTO "auth_permission" VALUES(235,59,'change_formstate','Can change form state');
INSERT INTO "auth_permission" VALUES(236,59,'delete_formstate','Can delete form state');
INSERT INTO "auth_permission" VALUES(237,59,'view_formstate','Can view form state');
INSERT INTO "auth_permission" VALUES(238,29,'view_document','Can view document');
INSERT INTO "auth_permission" VALUES(239,2,'view_image','Can view image');
INSERT INTO "auth_permission" VALUES(240,60,'add_rendition','Can add rendition');
INSERT INTO "auth_permission" VALUES(241,60,'change_rendition','Can change rendition');
INSERT INTO "auth_permission" VALUES(242,60,'delete_rendition','Can delete rendition');
INSERT INTO "auth_permission" VALUES(243,60,'view_rendition','Can view rendition');
INSERT INTO "auth_permission" VALUES(244,61,'submit_translation','Can submit translations');
INSERT INTO "auth_permission" VALUES(245,68,'add_participantprofile','Can add participant profile');
INSERT INTO "auth_permission" VALUES(246,68,'change_participantprofile','Can change participant profile');
INSERT INTO "auth_permission" VALUES(247,68,'delete_participantprofile','Can delete participant profile');
INSERT INTO "auth_permission" VALUES(248,68,'view_participantprofile','Can view participant profile');
INSERT INTO "auth_permission" VALUES(249,70,'add_wardcouncillor','Can add ward councillor');
INSERT INTO "auth_permission" VALUES(250,70,'change_wardcouncillor','Can change ward councillor');
INSERT INTO "auth_permission" VALUES(251,70,'delete_wardcouncillor','Can delete ward councillor');
INSERT INTO "auth_permission" VALUES(252,70,'view_wardcouncillor','Can view ward councillor');
INSERT INTO "auth_permission" VALUES(253,64,'add_gazetteerentry','Can add gazetteer entry');
INSERT INTO "auth_permission" VALUES(254,64,'change_gazetteerentry','Can change gazetteer entry');
INSERT INTO "auth_permission" VALUES(255,64,'delete_gazetteerentry','Can delete gazetteer entry');
INSERT INTO "auth_permission" VALUES(256,64,'view_gazetteerentry','Can view gazetteer entry');
INSERT INTO "auth_permission" VALUES(257,65,'add_informationpage','Can add information page');
INSERT INTO "auth_permission" VALUES(258,65,'change_informationpage','Can change information page');
INSERT INTO "auth_permission" VALUES(259,65,'delete_informationpage','Can delete information page');
INSERT INTO "auth_permission" VALUES(260,65,'view_informationpage','Can view information page');
INSERT INTO "auth_permission" VALUES(261,66,'add_notification','Can add notification');
INSERT INTO "auth_permission" VALUES(262,66,'change_notification','Can change notification');
INSERT INTO "auth_permission" VALUES(263,66,'delete_notification','Can delete notification');
INSERT INTO "auth_permission" VALUES(264,66,'view_notification','Can view notification');
INSERT INTO "auth_permission" VALUES(265,67,'add_notificationpreference','Can add notification preference');
INSERT INTO "auth_permission" VALUES(266,67,'change_notificationpreference','Can change notification preference');
INSERT INTO "auth_permission" VALUES(267,67,'delete_notificationpreference','Can delete notification preference');
INSERT INTO "auth_permission" VALUES(268,67,'view_notificationpreference','Can view notification preference');
INSERT INTO "auth_permission" VALUES(269,63,'add_brand','Can add brand');
INSERT INTO "auth_permission" VALUES(270,63,'change_brand','Can change brand');
INSERT INTO "auth_permission" VALUES(271,63,'delete_brand','Can delete brand');
INSERT INTO "auth_permission" VALUES(272,63,'view_brand','Can view brand');
INSERT INTO "auth_permission" VALUES(273,69,'add_personaldataexport','Can add personal data export');
INSERT INTO "auth_permission" VALUES(274,69,'change_personaldataexport','Can change personal data export');
INSERT INTO "auth_permission" VALUES(275,69,'delete_personaldataexport','Can delete personal data export');
INSERT INTO "auth_permission" VALUES(276,69,'view_personaldataexport','Can view personal data export');
INSERT INTO "auth_permission" VALUES(277,62,'add_address','Can add address');
INSERT INTO "auth_permission" VALUES(278,62,'change_address','Can change address');
INSERT INTO "auth_permission" VALUES(279,62,'delete_address','Can delete address');
INSERT INTO "auth_permission" VALUES(280,62,'view_address','Can view address');
INSERT INTO "auth_permission" VALUES(281,77,'add_livesequence','Can add live sequence');
INSERT INTO "auth_permission" VALUES(282,77,'change_livesequence','Can change live sequence');
INSERT INTO "auth_permission" VALUES(283,77,'delete_livesequence','Can delete live sequence');
INSERT INTO "auth_permission" VALUES(284,77,'view_livesequence','Can view live sequence');
INSERT INTO "auth_permission" VALUES(285,76,'add_liveevent','Can add live event');
INSERT INTO "auth_permission" VALUES(286,76,'change_liveevent','Can change live event');
INSERT INTO "auth_permission" VALUES(287,76,'delete_liveevent','Can delete live event');
INSERT INTO "auth_permission" VALUES(288,76,'view_liveevent','Can view live event');
INSERT INTO "auth_permission" VALUES(289,81,'add_populationbaseline','Can add population baseline');
INSERT INTO "auth_permission" VALUES(290,81,'change_populationbaseline','Can change population baseline');
INSERT INTO "auth_permission" VALUES(291,81,'delete_populationbaseline','Can delete population baseline');
INSERT INTO "auth_permission" VALUES(292,81,'view_populationbaseline','Can view population baseline');
INSERT INTO "auth_permission" VALUES(293,87,'add_theme','Can add theme');
INSERT INTO "auth_permission" VALUES(294,87,'change_theme','Can change theme');
INSERT INTO "auth_permission" VALUES(295,87,'delete_theme','Can delete theme');
INSERT INTO "auth_permission" VALUES(296,87,'view_theme','Can view theme');
INSERT INTO "auth_permission" VALUES(297,73,'add_feedbackresponse','Can add feedback response');
INSERT INTO "auth_permission" VALUES(298,73,'change_feedbackresponse','Can change feedback response');
INSERT INTO "auth_permission" VALUES(299,73,'delete_feedbackresponse','Can delete feedback response');
INSERT INTO "auth_permission" VALUES(300,73,'view_feedbackresponse','Can view feedback response');
INSERT INTO "auth_permission" VALUES(301,89,'add_themerun','Can add theme run');
INSERT INTO "auth_permission" VALUES(302,89,'change_themerun','Can change theme run');
INSERT INTO "auth_permission" VALUES(303,89,'delete_themerun','Can delete theme run');
INSERT INTO "auth_permission" VALUES(304,89,'view_themerun','Can view theme run');
INSERT INTO "auth_permission" VALUES(305,88,'add_thememembership','Can add theme membership');
INSERT INTO "auth_permission" VALUES(306,88,'change_thememembership','Can change theme membership');
INSERT INTO "auth_permission" VALUES(307,88,'delete_thememembership','Can delete theme membership');
INSERT INTO "auth_permission" VALUES(308,88,'view_thememembership','Can view theme membership');
INSERT INTO "auth_permission" VALUES(309,74,'add_flag','Can add flag');
INSERT INTO "auth_permission" VALUES(310,74,'change_flag','Can change flag');
INSERT INTO "auth_permission" VALUES(311,74,'delete_flag','Can delete flag');
INSERT INTO "auth_permission" VALUES(312,74,'view_flag','Can view flag');
INSERT INTO "auth_permission" VALUES(313,78,'add_moderationdecision','Can add moderation decision');
INSERT INTO "auth_permission" VALUES(314,78,'change_moderationdecision','Can change moderation decision');
INSERT INTO "auth_permission" VALUES(315,78,'delete_moderationdecision','Can delete moderation decision');
INSERT INTO "auth_permission" VALUES(316,78,'view_moderationdecision','Can view moderation decision');
INSERT INTO "auth_permission" VALUES(317,75,'add_follow','Can add follow');
INSERT INTO "auth_permission" VALUES(318,75,'change_follow','Can change follow');
INSERT INTO "auth_permission" VALUES(319,75,'delete_follow','Can delete follow');
INSERT INTO "auth_permission" VALUES(320,75,'view_follow','Can view follow');
INSERT INTO "auth_permission" VALUES(321,71,'add_alerttopic','Can add alert topic');
INSERT INTO "auth_permission" VALUES(322,71,'change_alerttopic','Can change alert topic');
INSERT INTO "auth_permission" VALUES(323,71,'delete_alerttopic','Can delete alert topic');
INSERT INTO "auth_permission" VALUES(324,71,'view_alerttopic','Can view alert topic');
INSERT INTO "auth_permission" VALUES(325,72,'add_conversationpage','Can add conversation page');
INSERT INTO "auth_permission" VALUES(326,72,'change_conversationpage','Can change conversation page');
INSERT INTO "auth_permission" VALUES(327,72,'delete_conversationpage','Can delete conversation page');
INSERT INTO "auth_permission" VALUES(328,72,'view_conversationpage','Can view conversation page');
INSERT INTO "auth_permission" VALUES(329,79,'add_opinionresult','Can add opinion result');
INSERT INTO "auth_permission" VALUES(330,79,'change_opinionresult','Can change opinion result');
INSERT INTO "auth_permission" VALUES(331,79,'delete_opinionresult','Can delete opinion result');
INSERT INTO "auth_permission" VALUES(332,79,'view_opinionresult','Can view opinion result');
INSERT INTO "auth_permission" VALUES(333,83,'add_statement','Can add statement');
INSERT INTO "auth_permission" VALUES(334,83,'change_statement','Can change statement');
INSERT INTO "auth_permission" VALUES(335,83,'delete_statement','Can delete statement');
INSERT INTO "auth_permission" VALUES(336,83,'view_statement','Can view statement');
INSERT INTO "auth_permission" VALUES(337,80,'add_opinionvote','Can add opinion vote');
INSERT INTO "auth_permission" VALUES(338,80,'change_opinionvote','Can change opinion vote');
INSERT INTO "auth_permission" VALUES(339,80,'delete_opinionvote','Can delete opinion vote');
INSERT INTO "auth_permission" VALUES(340,80,'view_opinionvote','Can view opinion vote');
INSERT INTO "auth_permission" VALUES(341,85,'add_surveypage','Can add survey page');
INSERT INTO "auth_permission" VALUES(342,85,'change_surveypage','Can change survey page');
INSERT INTO "auth_permission" VALUES(343,85,'delete_surveypage','Can delete survey page');
INSERT INTO "auth_permission" VALUES(344,85,'view_surveypage','Can view survey page');
INSERT INTO "auth_permission" VALUES(345,86,'add_surveyresponse','Can add survey response');
INSERT INTO "auth_permission" VALUES(346,86,'change_surveyresponse','Can change survey response');
INSERT INTO "auth_permission" VALUES(347,86,'delete_surveyresponse','Can delete survey response');
INSERT INTO "auth_permission" VALUES(348,86,'view_surveyresponse','Can view survey response');
INSERT INTO "auth_permission" VALUES(349,82,'add_questionwording','Can add question wording');
INSERT INTO "auth_permission" VALUES(350,82,'change_questionwording','Can change question wording');
INSERT INTO "auth_permission" VALUES(351,82,'delete_questionwording','Can delete question wording');
INSERT INTO "auth_permission" VALUES(352,82,'view_questionwording','Can view question wording');
INSERT INTO "auth_permission" VALUES(353,84,'add_surveyanswertheme','Can add survey answer theme');
INSERT INTO "auth_permission" VALUES(354,84,'change_surveyanswertheme','Can change survey answer theme');
INSERT INTO "auth_permission" VALUES(355,84,'delete_surveyanswertheme','Can delete survey answer theme');
INSERT INTO "auth_permission" VALUES(356,84,'view_surveyanswertheme','Can view survey answer theme');
INSERT INTO "auth_permission" VALUES(357,90,'add_issuecategory','Can add issue category');
INSERT INTO "auth_permission" VALUES(358,90,'change_issuecategory','Can change issue category');
INSERT INTO "auth_permission" VALUES(359,90,'delete_issuecategory','Can delete issue category');
INSERT INTO "auth_permission" VALUES(360,90,'view_issuecategory','Can view issue category');
INSERT INTO "auth_permission" VALUES(361,92,'add_partnerapikey','Can add partner api key');
INSERT INTO "auth_permission" VALUES(362,92,'change_partnerapikey','Can change partner api key');
INSERT INTO "auth_permission" VALUES(363,92,'delete_partnerapikey','Can delete partner api key');
INSERT INTO "auth_permission" VALUES(364,92,'view_partnerapikey','Can view partner api key');
INSERT INTO "auth_permission" VALUES(365,91,'add_issuereport','Can add issue report');
INSERT INTO "auth_permission" VALUES(366,91,'change_issuereport','Can change issue report');
INSERT INTO "auth_permission" VALUES(367,91,'delete_issuereport','Can delete issue report');
INSERT INTO "auth_permission" VALUES(368,91,'view_issuereport','Can view issue report');
INSERT INTO "auth_permission" VALUES(369,93,'add_statuschange','Can add status change');
INSERT INTO "auth_permission" VALUES(370,93,'change_statuschange','Can change status change');
INSERT INTO "auth_permission" VALUES(371,93,'delete_statuschange','Can delete status change');
INSERT INTO "auth_permission" VALUES(372,93,'view_statuschange','Can view status change');
INSERT INTO "auth_permission" VALUES(373,94,'add_indexbuild','Can add index build');
INSERT INTO "auth_permission" VALUES(374,94,'change_indexbuild','Can change index build');
INSERT INTO "auth_permission" VALUES(375,94,'delete_indexbuild','Can delete index build');
INSERT INTO "auth_permission" VALUES(376,94,'view_indexbuild','Can view index build');
INSERT INTO "auth_permission" VALUES(377,95,'add_pendingupdate','Can add pending update');
INSERT INTO "auth_permission" VALUES(378,95,'change_pendingupdate','Can change pending update');
INSERT INTO "auth_permission" VALUES(379,95,'delete_pendingupdate','Can delete pending update');
INSERT INTO "auth_permission" VALUES(380,95,'view_pendingupdate','Can view pending update');
INSERT INTO "auth_permission" VALUES(381,98,'add_searchentry','Can add search entry');
INSERT INTO "auth_permission" VALUES(382,98,'change_searchentry','Can change search entry');
INSERT INTO "auth_permission" VALUES(383,98,'delete_searchentry','Can delete search entry');
INSERT INTO "auth_permission" VALUES(384,98,'view_searchentry','Can view search entry');
INSERT INTO "auth_permission" VALUES(385,97,'add_savedsearch','Can add saved search');
INSERT INTO "auth_permission" VALUES(386,97,'change_savedsearch','Can change saved search');
INSERT INTO "auth_permission" VALUES(387,97,'delete_savedsearch','Can delete saved search');
INSERT INTO "auth_permission" VALUES(388,97,'view_savedsearch','Can view saved search');
INSERT INTO "auth_permission" VALUES(389,96,'add_queueddocument','Can add queued document');
INSERT INTO "auth_permission" VALUES(390,96,'change_queueddocument','Can change queued document');
INSERT INTO "auth_permission" VALUES(391,96,'delete_queueddocument','Can delete queued document');
INSERT INTO "auth_permission" VALUES(392,96,'view_queueddocument','Can view queued document');
INSERT INTO "auth_permission" VALUES(393,99,'add_apitoken','Can add api token');
INSERT INTO "auth_permission" VALUES(394,99,'change_apitoken','Can change api token');
INSERT INTO "auth_permission" VALUES(395,99,'delete_apitoken','Can delete api token');
INSERT INTO "auth_permission" VALUES(396,99,'view_apitoken','Can view api token');
INSERT INTO "auth_permission" VALUES(397,100,'add_formsubmission','Can add form submission');
INSERT INTO "auth_permission" VALUES(398,100,'change_formsubmission','Can change form submission');
INSERT INTO "auth_permission" VALUES(399,100,'delete_formsubmission','Can delete form submission');
INSERT INTO "auth_permission" VALUES(400,100,'view_formsubmission','Can view form submission');
INSERT INTO "auth_permission" VALUES(401,101,'add_redirect','Can add redirect');
INSERT INTO "auth_permission" VALUES(402,101,'change_redirect','Can change redirect');
INSERT INTO "auth_permission" VALUES(403,101,'delete_redirect','Can delete redirect');
INSERT INTO "auth_permission" VALUES(404,101,'view_redirect','Can view redirect');
INSERT INTO "auth_permission" VALUES(405,61,'add_translation','Can add translation');
INSERT INTO "auth_permission" VALUES(406,61,'change_translation','Can change translation');
INSERT INTO "auth_permission" VALUES(407,61,'delete_translation','Can delete translation');
INSERT INTO "auth_permission" VALUES(408,61,'view_translation','Can view translation');
INSERT INTO "auth_permission" VALUES(409,103,'add_overridablesegment','Can add overridable segment');
INSERT INTO "auth_permission" VALUES(410,103,'change_overridablesegment','Can change overridable segment');
INSERT INTO "auth_permission" VALUES(411,103,'delete_overridablesegment','Can delete overridable segment');
INSERT INTO "auth_permission" VALUES(412,103,'view_overridablesegment','Can view overridable segment');
INSERT INTO "auth_permission" VALUES(413,104,'add_segmentoverride','Can add segment override');
INSERT INTO "auth_permission" VALUES(414,104,'change_segmentoverride','Can change segment override');
INSERT INTO "auth_permission" VALUES(415,104,'delete_segmentoverride','Can delete segment override');
INSERT INTO "auth_permission" VALUES(416,104,'view_segmentoverride','Can view segment override');
INSERT INTO "auth_permission" VALUES(417,102,'add_localesynchronization','Can add locale synchronization');
INSERT INTO "auth_permission" VALUES(418,102,'change_localesynchronization','Can change locale synchronization');
INSERT INTO "auth_permission" VALUES(419,102,'delete_localesynchronization','Can delete locale synchronization');
INSERT INTO "auth_permission" VALUES(420,102,'view_localesynchronization','Can view locale synchronization');
INSERT INTO "auth_permission" VALUES(421,105,'add_embed','Can add embed');
INSERT INTO "auth_permission" VALUES(422,105,'change_embed','Can change embed');
INSERT INTO "auth_permission" VALUES(423,105,'delete_embed','Can delete embed');
INSERT INTO "auth_permission" VALUES(424,105,'view_embed','Can view embed');
INSERT INTO "auth_permission" VALUES(425,106,'add_userprofile','Can add user profile');
INSERT INTO "auth_permission" VALUES(426,106,'change_userprofile','Can change user profile');
INSERT INTO "auth_permission" VALUES(427,106,'delete_userprofile','Can delete user profile');
INSERT INTO "auth_permission" VALUES(428,106,'view_userprofile','Can view user profile');
INSERT INTO "auth_permission" VALUES(429,107,'add_indexentry','Can add index entry');
INSERT INTO "auth_permission" VALUES(430,107,'change_indexentry','Can change index entry');
INSERT INTO "auth_permission" VALUES(431,107,'delete_indexentry','Can delete index entry');
INSERT INTO "auth_permission" VALUES(432,107,'view_indexentry','Can view index entry');
INSERT INTO "auth_permission" VALUES(433,108,'add_sqliteftsindexentry','Can add sqliteftsindexentry');
INSERT INTO "auth_permission" VALUES(434,108,'change_sqliteftsindexentry','Can change sqliteftsindexentry');
INSERT INTO "auth_permission" VALUES(435,108,'delete_sqliteftsindexentry','Can delete sqliteftsindexentry');
INSERT INTO "auth_permission" VALUES(436,108,'view_sqliteftsindexentry','Can view sqliteftsindexentry');
INSERT INTO "auth_permission" VALUES(437,109,'add_authenticator','Can add authenticator');
INSERT INTO "auth_permission" VALUES(438,109,'change_authenticator','Can change authenticator');
INSERT INTO "auth_permission" VALUES(439,109,'delete_authenticator','Can delete authenticator');
INSERT INTO "auth_permission" VALUES(440,109,'view_authenticator','Can view authenticator');
INSERT INTO "auth_permission" VALUES(441,110,'add_dbtaskresult','Can add Task Result');
INSERT INTO "auth_permission" VALUES(442,110,'change_dbtaskresult','Can change Task Result');
INSERT INTO "auth_permission" VALUES(443,110,'delete_dbtaskresult','Can delete Task Result');
INSERT INTO "auth_permission" VALUES(444,110,'view_dbtaskresult','Can view Task Result');
INSERT INTO "auth_permission" VALUES(445,111,'add_session','Can add session');
INSERT INTO "auth_permission" VALUES(446,111,'change_session','Can change session');
INSERT INTO "auth_permission" VALUES(447,111,'delete_session','Can delete session');
INSERT INTO "auth_permission" VALUES(448,111,'view_session','Can view session');
INSERT INTO "auth_group" VALUES(1,'Moderators');
INSERT INTO "auth_group" VALUES(3,'Residents');
INSERT INTO "auth_group" VALUES(4,'Councillors');
INSERT INTO "auth_group" VALUES(5,'Officers');
INSERT INTO "wagtailcore_collection" VALUES(1,'0001',1,1,'Root');
INSERT INTO "wagtailcore_collection" VALUES(2,'00010001',2,0,'Shared');
INSERT INTO "wagtailcore_groupcollectionpermission" VALUES(2,1,1,1);
INSERT INTO "wagtailcore_groupcollectionpermission" VALUES(4,1,1,2);
INSERT INTO "wagtailcore_groupcollectionpermission" VALUES(6,1,1,5);
INSERT INTO "wagtailcore_groupcollectionpermission" VALUES(8,1,1,114);
INSERT INTO "wagtailcore_groupcollectionpermission" VALUES(10,1,1,115);
INSERT INTO "wagtailcore_groupcollectionpermission" VALUES(12,1,1,117);
INSERT INTO "wagtailcore_groupcollectionpermission" VALUES(13,1,5,1);
INSERT INTO "wagtailcore_groupcollectionpermission" VALUES(14,1,5,2);
INSERT INTO "wagtailcore_groupcollectionpermission" VALUES(15,1,5,5);
INSERT INTO "wagtailcore_groupcollectionpermission" VALUES(16,1,5,114);
INSERT INTO "wagtailcore_groupcollectionpermission" VALUES(17,1,5,115);
INSERT INTO "wagtailcore_groupcollectionpermission" VALUES(18,1,5,117);
INSERT INTO "wagtailcore_groupcollectionpermission" VALUES(19,2,5,5);
INSERT INTO "wagtailcore_groupcollectionpermission" VALUES(20,2,5,117);
INSERT INTO "wagtailcore_site" VALUES(2,'localhost',80,1,3,'Civic');
INSERT INTO "wagtailcore_task" VALUES(1,'Moderators approval',1,4);
INSERT INTO "wagtailcore_workflow" VALUES(1,'Moderators approval',1);
INSERT INTO "wagtailcore_groupapprovaltask" VALUES(1);
INSERT INTO "wagtailcore_workflowpage" VALUES(1,1);
INSERT INTO "wagtailcore_workflowtask" VALUES(1,0,1,1);
INSERT INTO "wagtailcore_groupapprovaltask_groups" VALUES(1,1,1);
INSERT INTO "wagtailcore_locale" VALUES(1,'en-gb');
INSERT INTO "wagtailcore_locale" VALUES(2,'cy');
INSERT INTO "wagtailcore_page" VALUES(1,'0001',1,1,'Root','root',1,0,'/','',0,'',NULL,NULL,0,1,NULL,0,NULL,NULL,NULL,NULL,'Root',NULL,NULL,1,'32953bb70dca4471b761fc569d623f4f',NULL,NULL);
INSERT INTO "wagtailcore_page" VALUES(3,'00010001',2,0,'Have your say','home',1,0,'/home/','',0,'',NULL,NULL,0,35,NULL,0,NULL,NULL,NULL,NULL,'Have your say',NULL,NULL,1,'378a9796464e4f6cb71564bcdb944bc8',NULL,NULL);
INSERT INTO "wagtailcore_grouppagepermission" VALUES(1,1,1,74);
INSERT INTO "wagtailcore_grouppagepermission" VALUES(2,1,1,75);
INSERT INTO "wagtailcore_grouppagepermission" VALUES(3,1,1,80);
INSERT INTO "wagtailcore_grouppagepermission" VALUES(6,1,1,79);
INSERT INTO "wagtailcore_grouppagepermission" VALUES(7,1,1,81);
INSERT INTO "wagtailcore_grouppagepermission" VALUES(8,5,1,74);
INSERT INTO "wagtailcore_grouppagepermission" VALUES(9,5,1,75);
INSERT INTO "wagtailcore_grouppagepermission" VALUES(10,5,1,80);
INSERT INTO "wagtailcore_grouppagepermission" VALUES(11,5,1,79);
INSERT INTO "wagtailcore_grouppagepermission" VALUES(12,5,1,81);
INSERT INTO "civic_homepage" VALUES(3,'<p>Help shape local services with the council and its partners.</p>');
INSERT INTO sqlite_sequence(name, seq) VALUES('account_emailaddress', 0);
INSERT INTO sqlite_sequence(name, seq) VALUES('auth_group', 5);
INSERT INTO sqlite_sequence(name, seq) VALUES('auth_group_permissions', 38);
INSERT INTO sqlite_sequence(name, seq) VALUES('auth_permission', 448);
INSERT INTO sqlite_sequence(name, seq) VALUES('civic_address', 0);
INSERT INTO sqlite_sequence(name, seq) VALUES('civic_organisation', 0);
INSERT INTO sqlite_sequence(name, seq) VALUES('civic_user', 0);
INSERT INTO sqlite_sequence(name, seq) VALUES('consultations_comment', 0);
INSERT INTO sqlite_sequence(name, seq) VALUES('consultations_flag', 0);
INSERT INTO sqlite_sequence(name, seq) VALUES('consultations_moderationdecision', 0);
INSERT INTO sqlite_sequence(name, seq) VALUES('consultations_opinionvote', 0);
INSERT INTO sqlite_sequence(name, seq) VALUES('consultations_surveyresponse', 0);
INSERT INTO sqlite_sequence(name, seq) VALUES('consultations_vote', 0);
INSERT INTO sqlite_sequence(name, seq) VALUES('django_admin_log', 0);
INSERT INTO sqlite_sequence(name, seq) VALUES('django_content_type', 111);
INSERT INTO sqlite_sequence(name, seq) VALUES('django_migrations', 316);
INSERT INTO sqlite_sequence(name, seq) VALUES('mapping_issuereport', 0);
INSERT INTO sqlite_sequence(name, seq) VALUES('mfa_authenticator', 0);
INSERT INTO sqlite_sequence(name, seq) VALUES('search_searchentry', 0);
INSERT INTO sqlite_sequence(name, seq) VALUES('taggit_tag', 0);
INSERT INTO sqlite_sequence(name, seq) VALUES('taggit_taggeditem', 0);
INSERT INTO sqlite_sequence(name, seq) VALUES('wagtail_localize_stringtranslation', 0);
INSERT INTO sqlite_sequence(name, seq) VALUES('wagtail_localize_translation', 0);
INSERT INTO sqlite_sequence(name, seq) VALUES('wagtail_localize_translationcontext', 0);
INSERT INTO sqlite_sequence(name, seq) VALUES('wagtail_localize_translationlog', 0);
INSERT INTO sqlite_sequence(name, seq) VALUES('wagtail_localize_translationsource', 0);
INSERT INTO sqlite_sequence(name, seq) VALUES('wagtailadmin_editingsession', 0);
INSERT INTO sqlite_sequence(name, seq) VALUES('wagtailcore_collection', 2);
INSERT INTO sqlite_sequence(name, seq) VALUES('wagtailcore_comment', 0);
INSERT INTO sqlite_sequence(name, seq) VALUES('wagtailcore_groupapprovaltask_groups', 1);
INSERT INTO sqlite_sequence(name, seq) VALUES('wagtailcore_groupcollectionpermission', 20);
INSERT INTO sqlite_sequence(name, seq) VALUES('wagtailcore_grouppagepermission', 12);
INSERT INTO sqlite_sequence(name, seq) VALUES('wagtailcore_locale', 2);
INSERT INTO sqlite_sequence(name, seq) VALUES('wagtailcore_modellogentry', 0);
INSERT INTO sqlite_sequence(name, seq) VALUES('wagtailcore_page', 3);
INSERT INTO sqlite_sequence(name, seq) VALUES('wagtailcore_pagelogentry', 0);
INSERT INTO sqlite_sequence(name, seq) VALUES('wagtailcore_pageviewrestriction', 0);
INSERT INTO sqlite_sequence(name, seq) VALUES('wagtailcore_revision', 0);
INSERT INTO sqlite_sequence(name, seq) VALUES('wagtailcore_site', 2);
INSERT INTO sqlite_sequence(name, seq) VALUES('wagtailcore_task', 1);
INSERT INTO sqlite_sequence(name, seq) VALUES('wagtailcore_taskstate', 0);
INSERT INTO sqlite_sequence(name, seq) VALUES('wagtailcore_workflow', 1);
INSERT INTO sqlite_sequence(name, seq) VALUES('wagtailcore_workflowstate', 0);
INSERT INTO sqlite_sequence(name, seq) VALUES('wagtailcore_workflowtask', 1);
INSERT INTO sqlite_sequence(name, seq) VALUES('wagtaildocs_document', 0);
INSERT INTO sqlite_sequence(name, seq) VALUES('wagtailembeds_embed', 0);
INSERT INTO sqlite_sequence(name, seq) VALUES('wagtailforms_formsubmission', 0);
INSERT INTO sqlite_sequence(name, seq) VALUES('wagtailimages_image', 0);
INSERT INTO sqlite_sequence(name, seq) VALUES('wagtailimages_rendition', 0);
INSERT INTO sqlite_sequence(name, seq) VALUES('wagtailredirects_redirect', 0);
INSERT INTO sqlite_sequence(name, seq) VALUES('wagtailsearch_indexentry', 0);
INSERT INTO sqlite_sequence(name, seq) VALUES('wagtailusers_userprofile', 0);
COMMIT;
PRAGMA foreign_keys = ON;
