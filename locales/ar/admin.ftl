### تجارة — صفحات المراجعة (المسؤولون والوكلاء الميدانيون)، بالعربية.
### لا يرى أصحاب المقاولات هذه الجمل أبدًا؛ للفرنسية (locales/fr/admin.ftl)
### المفاتيح والمتغيرات نفسها.

## الإطار

admin_brand = تجارة
admin_brand_sub = مراجعة التسجيلات
admin_lang_name = العربية
admin_nav_queue = التسجيلات
admin_nav_funnel = مسار التسجيل
admin_nav_export = تصدير CSV
admin_logout = تسجيل الخروج
admin_role_admin = مسؤول
admin_role_agent = وكيل ميداني
admin_agent_scope = تظهر لك فقط المقاولات التي رافقتها.
admin_skip_to_content = الانتقال إلى المحتوى

## تسجيل الدخول

admin_login_title = تسجيل الدخول
admin_login_intro = فضاء خاص بفريق المراجعة والوكلاء الميدانيين.
admin_email = البريد الإلكتروني
admin_password = كلمة المرور
admin_login_submit = دخول
admin_login_failed = البريد الإلكتروني أو كلمة المرور غير صحيحة.
admin_login_throttled = محاولات دخول كثيرة. حفاظًا على أمانك، أعد المحاولة بعد { $minutes } دقيقة.
admin_login_wait = محاولات دخول كثيرة إلى هذا الحساب. حفاظًا على أمانك، أعد المحاولة بعد { $seconds ->
    [one] ثانية واحدة
    [two] ثانيتين
    [few] { $seconds } ثوانٍ
   *[other] { $seconds } ثانية
}.
admin_missed_logins = { $count ->
    [one] فشلت محاولة دخول واحدة إلى حسابك
    [two] فشلت محاولتا دخول إلى حسابك
    [few] فشلت { $count } محاولات دخول إلى حسابك
   *[other] فشلت { $count } محاولة دخول إلى حسابك
} منذ آخر دخول لك، آخرها من العنوان { $address } في { $date }.
admin_logged_out = تم تسجيل خروجك. إلى اللقاء!

## الأخطاء

admin_error_title = الصفحة غير متاحة
admin_error_403 = ليس لديك حق الوصول إلى هذه الصفحة.
admin_error_404 = هذه الصفحة غير موجودة.
admin_error_csrf = انتهت صلاحية هذه الاستمارة. أعد تحميل الصفحة وحاول من جديد.
admin_error_origin = لم تُرسَل هذه الاستمارة من هذا الموقع، فرُفضت. افتح الصفحة هنا وحاول من جديد.
admin_back_to_queue = العودة إلى التسجيلات

## الحالات والقنوات واللغات

admin_status_submitted = في انتظار المراجعة
admin_status_changes_requested = مطلوب تعديلات
admin_status_approved = مقبول
admin_status_rejected = مرفوض
admin_status_live = منشور
admin_status_handoff_failed = فشل الإرسال
admin_status_exported = مُصدَّر
admin_status_all = الكل
admin_channel_telegram = تيليغرام
admin_channel_whatsapp = واتساب
admin_channel_web = الدردشة على الويب
admin_channel_terminal = الطرفية
admin_language_ary = الدارجة
admin_language_fr = الفرنسية
admin_language_ar = العربية
admin_script_Arab = بالحروف العربية
admin_script_Latn = بالحروف اللاتينية
admin_unknown = غير محدد
admin_no_agent = بدون وكيل
admin_value_missing = —

## قائمة المراجعة

admin_queue_title = التسجيلات
admin_filters = التصفية
admin_filter_region = الجهة
admin_filter_sector = القطاع
admin_filter_channel = القناة
admin_filter_language = اللغة
admin_filter_agent = الوكيل
admin_filter_from = من
admin_filter_to = إلى
admin_filter_search = بحث
admin_filter_any_region = كل الجهات
admin_filter_any_sector = كل القطاعات
admin_filter_any_channel = كل القنوات
admin_filter_any_language = كل اللغات
admin_filter_any_agent = كل الوكلاء
admin_search_placeholder = المقاولة، المسير، المدينة، المنتج، الهاتف…
admin_filter_apply = تصفية
admin_filter_reset = مسح التصفية
admin_col_id = الرقم
admin_col_business = المقاولة
admin_col_place = المدينة · الجهة
admin_col_sector = القطاع
admin_col_channel = القناة
admin_col_agent = الوكيل
admin_col_submitted = تاريخ الإرسال
admin_col_status = الحالة
admin_products_count = { $count ->
    [zero] لا منتجات
    [one] منتج واحد
    [two] منتجان
    [few] { $count } منتجات
   *[other] { $count } منتج
}
admin_queue_empty = لا يوجد تسجيل يطابق هذه التصفية.
admin_queue_total = { $count ->
    [zero] لا تسجيلات
    [one] تسجيل واحد
    [two] تسجيلان
    [few] { $count } تسجيلات
   *[other] { $count } تسجيل
}
admin_page_of = الصفحة { $page } من { $pages }
admin_page_past_end = الصفحة { $page } غير موجودة: تنتهي هذه القائمة عند الصفحة { $pages }.
admin_last_page = الذهاب إلى الصفحة الأخيرة ({ $pages })
admin_prev = السابقة
admin_next = التالية
admin_export_filtered = تصدير هذه التسجيلات (CSV)

## ملف التسجيل

admin_detail_title = التسجيل رقم { $id }
admin_revision = النسخة { $revision }
admin_submitted_on = أُرسل في { $date }
admin_section_business = المقاولة
admin_section_origin = المصدر
admin_section_products = المنتجات
admin_section_voice = الرسائل الصوتية
admin_section_history = سجل الحالات
admin_section_edits = التصحيحات
admin_section_decision = القرار
admin_section_handoff = الرسائل والإرسال
admin_field_business_name = الاسم التجاري
admin_field_owner_name = المسير
admin_field_phone = الهاتف
admin_field_email = البريد الإلكتروني
admin_field_city = المدينة
admin_field_region = الجهة
admin_field_sector = القطاع
admin_field_ice = ICE
admin_field_language = اللغة
admin_field_channel = القناة
admin_field_agent = الوكيل
admin_field_consent = الموافقة (القانون 09-08)
admin_field_product_name = اسم المنتج
admin_field_name = اسم المنتج
admin_field_photos = الصور
admin_field_description = الوصف
admin_field_price = السعر
admin_field_moq = الحد الأدنى للطلب
admin_field_price_amount = السعر (درهم)
admin_field_price_max = السعر الأقصى (درهم)
admin_field_price_unit = وحدة السعر
admin_field_moq_quantity = الحد الأدنى للطلب
admin_field_moq_unit = وحدة الكمية
admin_field_title_en = العنوان بالإنجليزية
admin_field_description_en = الوصف بالإنجليزية
admin_product_heading = المنتج { $number }
admin_product_field = المنتج { $number } · { $field }
admin_price_value = { $amount } درهم
admin_price_per = { $amount } درهم / { $unit }
admin_no_photos = لا توجد صور
admin_photo_alt = الصورة { $number } من «{ $product }»
admin_photo_size = { $width } × { $height } بكسل
admin_voice_note = رسالة صوتية { $number }
admin_voice_duration = { $seconds } ث
admin_advice_too_small = صغيرة جدًا
admin_advice_blurry = غير واضحة
admin_advice_dark = مظلمة
admin_advice_bright = ساطعة جدًا
admin_edit = تصحيح
admin_save = حفظ
admin_english_heading = للسوق الإلكترونية (بالإنجليزية)
admin_english_missing = لا نص إنجليزي: لم يُتعرَّف على شيء، يجب كتابته
admin_english_edit = تعديل النص الإنجليزي
admin_saved = تم حفظ التصحيحات.
admin_saved_city_unknown = تم حفظ التصحيحات. المدينة غير معروفة: حُفظت كما كُتبت ولم تتغير الجهة — تحقق منها.
admin_correction_refused = لم يُحفظ التصحيح: تحقق من «{ $field }» (الاستمارة تحتفظ بما كتبته).
admin_required_hint = * إلزامي
admin_error_required = إلزامي: لا يمكن ترك هذا الحقل فارغًا.
admin_expect_valid = قيمة غير معروفة.
admin_expect_phone = المطلوب: رقم هاتف، مثل 06 12 34 56 78 أو ‎+212 6 12 34 56 78.
admin_expect_email = المطلوب: عنوان بريد إلكتروني، مثل nom@exemple.ma.
admin_expect_ice = المطلوب: رقم ICE من 15 رقمًا (يُسمح بالمسافات والنقط)، مثل 001 525 478 000 036.
admin_expect_region = اختر جهة من القائمة.
admin_expect_sector = اختر قطاعًا من القائمة.
admin_expect_price_amount = المطلوب: مبلغ موجب بالدرهم، مثل 150 أو 45,50.
admin_expect_price_max = المطلوب: مبلغ أكبر من السعر، أو اتركه فارغًا.
admin_expect_moq_quantity = المطلوب: كمية موجبة، مثل 20 أو 2,5.
admin_expect_price_unit = اختر وحدة من القائمة.
admin_expect_moq_unit = اختر وحدة من القائمة.
admin_city_help = المدينة المعروفة («casa»، «الصويرة»…) تُحفظ باسمها مع جهتها؛ وإلا يُحفظ النص كما هو ولا تتغير الجهة.
admin_translation_saved = تم حفظ النص الإنجليزي.
admin_nothing_changed = لم يتغير شيء.
admin_not_editable = لم يعد من الممكن تصحيح هذا التسجيل في حالته الحالية.
admin_invalid_value = قيمة غير صالحة في «{ $field }».
admin_edits_empty = لا توجد تصحيحات حتى الآن.
admin_edit_by = { $actor }، في { $date }
admin_history_by = { $actor }، في { $date }
admin_history_asked = طُلب من صاحب المقاولة:
admin_actor_owner = صاحب المقاولة
admin_actor_cli = سطر الأوامر
admin_actor_worker = النظام

## القرارات

admin_approve = قبول
admin_approve_help = يُرسل التسجيل لإنشاء الواجهة ويُخبَر صاحبه بلغته.
admin_approve_confirm = تأكيد القبول
admin_approve_blocked = لا يمكن القبول: تنقص حقول إلزامية.
admin_approve_blocked_help = صحّحها في هذه الصفحة، أو اطلبها من صاحب المقاولة.
admin_approve_missing = لا يمكن قبول هذا التسجيل: تنقصه حقول إلزامية (انظر «القرار»).
admin_request_changes = طلب تعديلات
admin_request_changes_help = يتلقى صاحب المقاولة، بلغته، كل نقطة يجب تصحيحها ويمكنه الرجوع إليها مباشرة.
admin_reject = رفض
admin_reject_help = يتلقى صاحب المقاولة الأسباب المختارة بلغته، ورسالتكم كما كتبتموها، وما يمكنه فعله بعد ذلك: تصحيح ملفه وإعادة إرساله، أو طلب التحدث مع أحد.
admin_field_to_fix = الحقل
admin_reason = السبب
admin_note = رسالة إلى صاحب المقاولة (اختياري)
admin_choose = اختر…
admin_more_items = إضافة حقول أخرى
admin_reason_photo_dark = الصورة مظلمة جدًا
admin_reason_photo_blurry = الصورة غير واضحة
admin_reason_photo_small = الصورة صغيرة جدًا
admin_reason_photo_missing = صورة ناقصة
admin_reason_price_unit = وحدة السعر غير مذكورة
admin_reason_price_unclear = السعر غير واضح
admin_reason_moq_unclear = الحد الأدنى للطلب غير واضح
admin_reason_ice_invalid = رقم ICE غير صحيح
admin_reason_description_short = الوصف قصير جدًا
admin_reason_name_unclear = الاسم غير واضح
admin_reason_city_unclear = المدينة غير واضحة
admin_reason_other = سبب آخر (وضّحه في الرسالة)
admin_decision_done_approved = تم قبول التسجيل: أُخبر صاحبه والواجهة قيد الإعداد.
admin_decision_done_changes_requested = أُرسل الطلب: صاحب المقاولة يعرف ما يجب تصحيحه.
admin_decision_done_rejected = تم رفض التسجيل وأُخبر صاحبه.
admin_decision_invalid = لم يعد هذا القرار ممكنًا: حالة التسجيل «{ $status }».
admin_changes_need_items = اختر سببًا، أو حقلًا لتصحيحه، أو اكتب رسالة إلى صاحب المقاولة.
admin_reject_needs_reason = اختر سببًا واحدًا على الأقل للرفض، أو اكتب رسالة إلى صاحب المقاولة.
admin_no_decision = لا يُنتظر أي قرار في هذه الحالة.
admin_agent_readonly = للاطلاع فقط: يتخذ فريق المراجعة القرارات.

## الرسائل والإرسال

admin_outbox_empty = لم يُرسل أي شيء بعد لهذا التسجيل.
admin_outbox_kind_notify = رسالة إلى صاحب المقاولة
admin_outbox_kind_handoff = الإرسال لإنشاء الواجهة
admin_outbox_status_pending = في الانتظار
admin_outbox_status_done = تم
admin_outbox_status_failed = فشل
admin_outbox_status_inbox = في انتظار القراءة
admin_attempts = { $count ->
    [zero] لا محاولات
    [one] محاولة واحدة
    [two] محاولتان
    [few] { $count } محاولات
   *[other] { $count } محاولة
}
admin_next_try = المحاولة التالية في { $date }
admin_last_error = آخر خطأ
admin_retry = إعادة الإرسال
admin_retry_help = يعود التسجيل إلى «مقبول» ويُرسل من جديد لإنشاء الواجهة، دون أن تُنشأ مرتين أبدًا.
admin_storefront = الواجهة المنشورة
admin_retried = أُعيد الإرسال: سيبدأ الآن.
admin_retry_impossible = لا يمكن إعادة هذا الإرسال الآن.

## مسار التسجيل

admin_funnel_title = مسار التسجيل
admin_funnel_intro = المحادثات التي بدأت خلال الفترة، وإلى أين وصلت كل واحدة منها.
admin_funnel_by = التجميع حسب
admin_group_region = الجهة
admin_group_channel = القناة
admin_group_language = اللغة
admin_group_agent = الوكيل
admin_funnel_groups_region = حسب الجهة
admin_funnel_groups_channel = حسب القناة
admin_funnel_groups_language = حسب اللغة
admin_funnel_groups_agent = حسب الوكيل
admin_stage_started = بدأت
admin_stage_language = اختيار اللغة
admin_stage_registered = معلومات المقاولة
admin_stage_product = المنتج الأول
admin_stage_photos = الصور
admin_stage_submitted = أُرسلت
admin_stage_approved = قُبلت
admin_stage_live = منشورة
admin_funnel_total = المجموع
admin_percent = { $percent }٪
admin_funnel_from_previous = { $percent }٪ من المرحلة السابقة
admin_funnel_empty = لا توجد محادثات خلال هذه الفترة.
admin_funnel_show = عرض

## review
admin_reasons_legend = الأسباب (يتلقاها صاحب المقاولة بلغته)
admin_note_as_typed = تُرسل كما هي، على أنها كلماتكم.
admin_history_reasons = الأسباب:
admin_review_reason_photo_quality = صورة مظلمة أو غير واضحة
admin_review_reason_photo_not_product = الصورة لا تُظهر المنتج
admin_review_reason_price_unclear = السعر غير واضح أو غير مذكور
admin_review_reason_moq_unclear = الحد الأدنى للطلب غير واضح
admin_review_reason_description_short = الوصف غير موجود أو قصير جدًا
admin_review_reason_product_name_unclear = اسم المنتج غير واضح
admin_review_reason_ice_invalid = رقم ICE غير صحيح
admin_review_reason_business_incomplete = ينقص الاسم التجاري أو المدينة
admin_review_reason_phone_unreachable = تعذّر الاتصال على الرقم المُعطى
admin_review_reason_product_not_allowed = منتج غير مسموح به على المنصة
admin_review_reason_duplicate = ملف مكرر
admin_resubmitted = أُعيد إرساله · النسخة { $revision }
admin_changes_title = ما تغيّر منذ النسخة { $revision }
admin_changes_none = لم يتغير شيء منذ النسخة { $revision }.
admin_changes_unknown = لم تُحفظ النسخة السابقة (أُرسلت قبل أن تُحفظ النسخ): لا يمكن المقارنة.
admin_changes_business = المقاولة
admin_changes_product_added = أُضيف المنتج { $number }
admin_changes_product_removed = حُذف المنتج { $number }
admin_changes_product_changed = عُدّل المنتج { $number }
admin_changes_photos_added = صور مضافة
admin_changes_photos_removed = صور محذوفة
admin_changes_old = قبل
admin_changes_new = الآن
admin_changes_photo_alt = الصورة { $number } من « { $product } »
## agents

admin_agent_link_title = رابطكم الشخصي
admin_agent_link_intro = أصحاب المشاريع الذين يبدؤون بهذا الرابط (أو برمز QR الخاص به) يُنسبون إليكم.
admin_link_open = فتح
admin_link_copy = نسخ
admin_link_copied = نُسخ الرابط.
admin_link_copy_failed = تعذّر النسخ: حدّدوا الرابط لنسخه.
admin_link_share = مشاركة
admin_link_qr = رمز QR
admin_status_waiting_owner = ينتظر صاحبه
admin_waiting_owner_title = { $count ->
    [zero] لا ملفات تنتظر موافقة أصحابها
    [one] ملف واحد ينتظر موافقة صاحبه
    [two] ملفان ينتظران موافقة صاحبيهما
    [few] { $count } ملفات تنتظر موافقة أصحابها
   *[other] { $count } ملفًا تنتظر موافقة أصحابها
}
admin_waiting_owner_intro = ملفات ملأها وكيل ولم تُرسل بعد: على صاحب المشروع أن يقرأها ويؤكدها (على واتساب، أو بالرابط الذي يعرضه عليه الوكيل). ليست بعد في قائمة المراجعة.
admin_funnel_waiting_owner = { $count ->
    [one] منها ملف واحد ملأه وكيل ينتظر موافقة صاحبه (محسوب حتى المرحلة التي بلغها، ولم يُرسل بعد).
   *[other] منها { $count } ملفات ملأها وكيل تنتظر موافقة أصحابها (محسوبة حتى المرحلة التي بلغتها، ولم تُرسل بعد).
}
## erasure
admin_erase_title = محو بيانات صاحب هذا الملف (القانون رقم 09.08)
admin_erase_help = يمحو كل ما يخصه: المحادثات والملف والمنتجات والصور والرسائل الصوتية والتصديرات؛ وتُزال صفحته من المنصة. لا رجعة فيه. لا يبقى إلا عدد مجهول الهوية وأثر في السجل.
admin_erase_reason = السبب (إلزامي، يُحفظ في السجل)
admin_erase_confirm = أؤكد: سيُمحى كل شيء نهائيًا.
admin_erase_button = المحو نهائيًا
admin_erase_needs_reason = اكتبوا السبب وأشّروا على التأكيد للمحو.
admin_erased = مُحيت بيانات صاحب الملف. ستتبعها ملفاته وصفحته بعد لحظات.
## retention
admin_nav_audit = السجل
admin_audit_title = سجل الولوج إلى البيانات
admin_audit_intro = من اطّلع على ماذا أو صدّره أو قرّر فيه أو صحّحه، ومتى ومن أين. لا يمكن تعديل هذا السجل.
admin_audit_action = العملية
admin_audit_all = الكل
admin_audit_when = متى
admin_audit_actor = من
admin_audit_subject = على ماذا
admin_audit_remote = العنوان
admin_audit_detail = التفاصيل
admin_audit_empty = لا توجد أي عملية.
admin_audit_newest = الأحدث
admin_audit_older = الأقدم
admin_audit_action_login = تسجيل الدخول
admin_audit_action_login_failed = دخول مرفوض
admin_audit_action_logout = تسجيل الخروج
admin_audit_action_export_csv = تصدير CSV
admin_audit_action_export_owner = تصدير بيانات صاحب المقاولة
admin_audit_action_erase = حذف
admin_audit_action_decision = قرار
admin_audit_action_correction = تصحيح
admin_audit_action_retention = مدة الحفظ
admin_owner_export = تنزيل بياناته (ZIP)
admin_owner_export_hint = كل ما نحتفظ به عن صاحب المقاولة: ملف JSON وصوره ورسائله الصوتية. يُسجَّل التنزيل في السجل.
admin_consent = الموافقة
admin_consent_version = الصيغة { $version }، بتاريخ { $date }
admin_consent_none = لم تُعطَ بعد
admin_consent_old = (صيغة قديمة: ستُطلب من جديد)
## support

admin_nav_support = الدعم
admin_support_title = الدعم
admin_support_intro = أصحاب المشاريع الذين طلبوا التحدث مع شخص. يتوقف البوت عن الرد ما دام الطلب مفتوحًا.
admin_support_agent_scope = ترون طلبات أصحاب المشاريع الذين جلبتموهم.
admin_support_list_open = مفتوحة
admin_support_list_waiting = بانتظار الفريق
admin_support_list_closed = مغلقة
admin_support_empty_open = لا توجد طلبات مفتوحة.
admin_support_empty_waiting = لا أحد ينتظر ردًا.
admin_support_empty_closed = لا توجد طلبات مغلقة.
admin_support_no_name = الطلب رقم { $id } (مشروع بلا اسم)
admin_support_agent = الوكيل: { $name }
admin_support_updated = آخر رسالة: { $date }
admin_support_opened = فُتح في { $date }
admin_support_state_waiting = ينتظر ردًا
admin_support_state_answered = تم الرد
admin_support_state_closed = مغلق
admin_support_request_title = طلب الدعم رقم { $id }
admin_support_back = كل الطلبات
admin_support_transcript = المحادثة
admin_support_transcript_empty = لا توجد رسائل بعد.
admin_support_side_owner = صاحب المشروع
admin_support_side_bot = البوت
admin_support_side_staff = { $name } (الفريق)
admin_support_photo_alt = صورة أرسلها صاحب المشروع
admin_support_button = زر مختار: { $payload }
admin_support_answer_title = الرد على صاحب المشروع
admin_support_answer_label = ردكم (يقرؤه صاحب المشروع كما هو، مع اسمكم)
admin_support_send = إرسال
admin_support_close = إغلاق الطلب وإعادة المحادثة إلى البوت
admin_support_close_hint = يُخبَر صاحب المشروع ويكمل ملفه من حيث توقف.
admin_support_closed_by = أغلقه { $who } في { $date }.
admin_support_way_telegram = يُرسل عبر تيليغرام.
admin_support_way_web = يظهر في المحادثة على الموقع (تجلبه صفحته خلال 20 ثانية على الأكثر).
admin_support_way_terminal = يظهر في طرفية صاحب المشروع.
admin_support_way_whatsapp_window = يُرسل عبر واتساب نصًا حرًا (كتب صاحب المشروع منذ أقل من 24 ساعة).
admin_support_way_whatsapp_template = مرت أكثر من 24 ساعة على آخر رسالة منه: يُرسل عبر واتساب بالقالب المعتمد.
admin_support_way_whatsapp_held = مرت أكثر من 24 ساعة على آخر رسالة منه ولا يوجد قالب معتمد: تنتظر الرسالة إلى أن يكتب صاحب المشروع.
admin_support_via_telegram = أُرسل عبر تيليغرام
admin_support_via_web = وُضع في المحادثة على الموقع
admin_support_via_terminal = وُضع في الطرفية
admin_support_via_whatsapp_window = واتساب، نص حر
admin_support_via_whatsapp_template = واتساب، بالقالب المعتمد
admin_support_via_whatsapp_held = واتساب، بانتظار رسالة من صاحب المشروع
admin_support_sent_telegram = أُرسل الرد عبر تيليغرام.
admin_support_sent_web = وُضع الرد في المحادثة على الموقع.
admin_support_sent_terminal = وُضع الرد في طرفية صاحب المشروع.
admin_support_sent_whatsapp_window = أُرسل الرد عبر واتساب نصًا حرًا.
admin_support_sent_whatsapp_template = أُرسل الرد عبر واتساب بالقالب المعتمد (خارج نافذة 24 ساعة).
admin_support_sent_whatsapp_held = خارج نافذة 24 ساعة ولا يوجد قالب معتمد: سيُرسل الرد حين يكتب صاحب المشروع.
admin_support_closed_done = أُغلق الطلب: استأنف البوت المحادثة.
admin_support_empty = اكتبوا ردًا قبل الإرسال.
admin_support_not_open = هذا الطلب مغلق من قبل: لم يُرسل أي شيء.
admin_support_resumes_at = من أين سيستأنف البوت (سؤاله الأخير، بلغة صاحب المشروع)
## changes
admin_reject_live = هذه الصفحة منشورة بالفعل: هذه تعديلات. اطلب تصحيحها بدل رفضها؛ تحتفظ الصفحة بنسختها المقبولة.
## taxonomy
admin_generated_heading = البطاقة الإنجليزية المولَّدة (للتحقق، لا تُعدَّل هنا)
admin_generated_type = رمز النظام المنسق { $hs } (6 أرقام، يتحقق منه وكيل جمركي) · نوع المنتج معروف بنسبة { $confidence }٪
admin_generated_unsure = نوع المنتج غير مؤكد، الأرجح:
admin_generated_none = لم يُتعرَّف على المنتج: لا بطاقة مولَّدة.
admin_readiness = جاهزية للمشترين: { $score }/100
admin_readiness_next_photos = يُضاف: صور (المطلوب { $count })
admin_readiness_next_price = يُضاف: الثمن
admin_readiness_next_moq = يُضاف: أدنى كمية للطلب
admin_readiness_next_description = يُضاف: وصف
admin_readiness_next_type = يُحدَّد: ما هو المنتج
admin_readiness_next_attr_size = يُضاف: المقاسات
admin_readiness_next_attr_volume = يُضاف: الحجم (مل، لتر)
admin_readiness_next_attr_weight = يُضاف: الوزن الصافي
admin_readiness_next_attr_material = يُضاف: المادة
admin_readiness_next_attr_colour = يُضاف: اللون
admin_readiness_next_attr_certification = يُضاف: الشهادات (عضوي، أونسا…)
admin_readiness_next_attr_finish = يُضاف: التشطيب
admin_readiness_next_attr_pattern = يُضاف: الزخرفة
## buyerq
admin_buyerq_heading = أسئلة المشترين
admin_field_capacity = القدرة الإنتاجية
admin_field_lead_time = مدة تجهيز أول طلبية
admin_per_day = اليوم
admin_per_week = الأسبوع
admin_per_month = الشهر
admin_per_year = السنة
admin_lead_time_days = { $days ->
        [one] يوم واحد
        [two] يومان
        [few] { $days } أيام
       *[other] { $days } يومًا
    }
admin_field_certifications = الشهادات
admin_certifications_none = لا توجد شهادة
admin_cert_organic = عضوي / ECOCERT
admin_cert_fairtrade = التجارة العادلة
admin_cert_onssa = ONSSA
admin_cert_iso = ISO
admin_cert_number = رقم
admin_cert_expires = صالحة حتى
admin_field_fda = مسجلة لدى FDA (الولايات المتحدة)
admin_fda_yes = نعم
admin_fda_no = لا
admin_fda_unknown = لا يعرف
admin_field_export = التصدير
admin_export_never = أبدًا
admin_export_few = بضع مرات
admin_export_regular = بانتظام
admin_field_packaging = التغليف
## listing
admin_english_generated = مولَّد من كلماته، دون تعديل
admin_english_edited = عدّله الفريق: هذا النص هو الذي يُرسل في كل مكان
admin_english_edit_help = مملوء مسبقًا بالبطاقة المولَّدة. ما تغيّرونه يحلّ محلّ النص المولَّد في كل مكان (المتجر، ملفات CSV، قائمة JSON)؛ والحقل المتروك كما هو يتبع كلمات صاحب المشروع. النوع المختار يغيّر رمز النظام المنسق والخصائص المقروءة.
admin_field_type = نوع المنتج
admin_type_recognised = النوع المعروف من كلماته
admin_english_reset_button = الرجوع إلى النص المولَّد
admin_english_reset = عادت البطاقة الإنجليزية إلى النص المولَّد.
admin_generated_chosen = رمز النظام المنسق { $hs } (6 أرقام، يتحقق منه وكيل جمركي) · نوع اختاره الفريق
admin_generated_owner = رمز النظام المنسق { $hs } (6 أرقام، يتحقق منه وكيل جمركي) · نوع اختاره صاحب المشروع
