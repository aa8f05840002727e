### Tijara — العربية الفصحى.
### Chaque phrase du bot est ici. Les clés sont stables (tests et scripts les suivent).
### Les clés words_* listent, séparés par des virgules, les mots qu'un patron peut
### taper à la place d'un bouton ; ils sont acceptés quelle que soit la langue choisie.

###
### المسرد (كلمة واحدة لكل مفهوم، في كل مكان):
###   الصفحة = storefront؛ المنصة = marketplace؛ الوكيل = agent؛ الملف = draft
###   إرسال الملف = submit؛ الحد الأدنى للطلب = minimum order؛ القدرة الإنتاجية (شهريًا) = capacity
###   المعرّف الموحد للمقاولة (ICE) = 15 رقمًا، على الفواتير وفي شهادة التسجيل في السجل التجاري
### نخاطب بصيغة الجمع (شركتكم، أرسلوا، هل توافقون؟) لتشمل النساء والرجال؛ والأزرار بالمصدر (إرسال، استبدالها).
### « اختاروا » لا « اضغط ». الأرقام: رقم الهاتف كتلة واحدة (0612345678)، « 1 من 8 »، القانون رقم 09.08.

## Premier contact

ask_language = مرحبًا بكم في تجارة! 👋
    نساعدكم على تسجيل شركتكم ومنتجاتكم في منصة التصدير.
    بأي لغة تريدون المتابعة؟
consent_declined = دون موافقتكم لا يمكننا حفظ أي شيء. إذا غيّرتم رأيكم، أجيبوا بـ« نعم ».
restarted = بدأنا من جديد. حُذف ملفكم السابق.

## L'entreprise

ask_business_name = ما اسم شركتكم أو تعاونيتكم أو ورشتكم؟
ask_owner_name = ما اسمكم الكامل، من فضلكم؟
ask_city = في أي مدينة توجد شركتكم؟
city_did_you_mean = لم أتعرّف على « { $city } ». هل تقصدون…؟
ask_region = لا أعرف « { $city } » بعد. في أي جهة تقع؟
ask_sector = ما هو قطاع نشاطكم؟
ask_ice = ما هو المعرّف الموحد للمقاولة (ICE) الخاص بكم؟ يتكوّن من 15 رقمًا، وتجدونه على فواتيركم أو في شهادة التسجيل في السجل التجاري. يمكنكم تخطي هذا السؤال.
ask_phone = ما رقم الهاتف الذي يمكننا التواصل معكم عليه؟ (مثلًا 0612345678)
ask_email = بريدكم الإلكتروني؟ (اختياري)

## Les produits

ask_product_name = { $number ->
    [1] لننتقل إلى منتجاتكم. ما اسم منتجكم الأول؟ (مثلًا: زيت أركان تجميلي)
   *[other] ما اسم المنتج رقم { $number }؟
}
ask_photos = أرسلوا صورًا لـ« { $product } »: من 1 إلى { $max }، بإضاءة جيدة.
photo_received = وصلت الصورة { $count } من { $max }. أرسلوا صورة أخرى، أو اختاروا « انتهيت ».
photos_full = هذه { $max } صور، وهو الحد الأقصى. اختاروا « انتهيت ».
ask_description = صفوا « { $product } » في بضع جمل: المادة، والمصدر، وما الذي يميّزه.
voice_received = شكرًا، سُجّلت رسالتكم الصوتية عن « { $product } » وسيستمع إليها فريقنا. هل يمكنكم أيضًا كتابة سطر قصير يصفه؟ أو اختاروا « تخطي ».
ask_price = ما سعر « { $product } » بالدرهم، ولأي وحدة؟ (مثلًا: 150 درهمًا للكيلوغرام)
ask_price_unit = هذا السعر لأي وحدة؟
confirm_price_conversion = { $said } { $currency }، أي { $price }. هل هذا صحيح؟
ask_moq = ما الحد الأدنى للطلب الواحد؟ (مثلًا: { $example })
ask_more_products = لديكم { $count ->
    [one] منتج واحد
    [two] منتجان
    [few] { $count } منتجات
    [many] { $count } منتجًا
   *[other] { $count } منتج
}. هل تريدون إضافة منتج آخر؟

## Récapitulatif

review_summary = هذا ملفكم. تحقّقوا منه جيدًا:
    🏢 { $business_name }
    👤 { $owner_name }
    📍 { $city } ({ $region })
    🏷️ { $sector }
    🆔 رقم ICE: { $ice }
    📞 { $phone }
    ✉️ { $email }
    { $products }
    هل كل شيء صحيح؟ أرسلوا الملف، أو صحّحوا ما يلزم.
review_product = 📦 { $number }. { $name } — الصور: { $photos }
    { $description }
    السعر: { $price }
    الحد الأدنى للطلب: { $moq }
ask_edit_field = ماذا تريدون أن تصحّحوا؟
submitted = شكرًا! أُرسل ملف « { $business_name } ». سيراجعه فريقنا ويردّ عليكم هنا.
already_submitted = ملف « { $business_name } » قيد المراجعة. سنكتب لكم هنا فور وجود أي جديد.

## Valeurs

value_missing = —
value_none = (غير مذكور)
amount_value = { $amount } درهم / { $unit }
price_range = من { $low } إلى { $high } درهم / { $unit }
amount_only = { $amount } درهم
price_range_only = من { $low } إلى { $high } درهم
quantity_value = { $amount } { $unit }
quantity_only = { $amount }
# A minimum order's unit after its quantity ($count: plural where the language has one).
units_piece = قطعة
units_kg = كيلوغرام
units_g = غرام
units_ton = طن
units_l = لتر
units_ml = مليلتر
units_m = متر
units_m2 = متر مربع
units_box = علبة
units_carton = كرتونة
units_bottle = قنينة
units_set = مجموعة
units_dozen = دزينة
units_pair = زوج
label_plain = { $text }
currency_ryal = ريال
currency_franc = سنتيم
currency_MAD = درهم

## Aide et navigation

help = أنتم في قسم « { $section } ». أجيبوا عن السؤال أدناه. يمكنكم أيضًا كتابة: « رجوع »، « تخطي » (للأسئلة الاختيارية)، « أين أنا »، « اللغة »، « ابدأ من جديد »، « بياناتي » (كل ما لدينا عنكم).
where_am_i = أنتم في قسم « { $section } »: الخطوة { $done } من { $total }.
welcome_back = مرحبًا بعودتكم! كنتم في قسم « { $section } »، الخطوة { $done } من { $total }. لنتابع:
confirm_restart = هل تريدون البدء من جديد؟ سيُحذف كل ما أدخلتموه.
offer_language_switch = هل تفضّلون المتابعة بـ{ $language }؟
section_start = البداية
section_business = شركتكم
section_product = منتجاتكم
section_review = المراجعة
section_done = تم إرسال الملف

## Réponses à corriger

invalid_choice = اختاروا أحد الأجوبة المقترحة (يمكنكم أيضًا كتابة رقمه).
invalid_empty = لم يصلني شيء. اكتبوا جوابكم من فضلكم.
invalid_too_long = النص طويل جدًا: { $max } حرف كحد أقصى، من فضلكم.
invalid_no_letters = اكتبوا الجواب بالحروف، من فضلكم.
invalid_ice = رقم ICE يتكوّن من أرقام فقط: 15 رقمًا.
invalid_ice_length = رقم ICE يتكوّن من 15 رقمًا، وقد عددت { $count }. تحقّقوا منه، أو تخطّوا هذا السؤال.
invalid_email = يبدو أن هذا البريد الإلكتروني غير صحيح (مثال: name@gmail.com). أو تخطّوا هذا السؤال.
invalid_phone = لم أتعرّف على هذا الرقم. اكتبوه هكذا: 0612345678.
invalid_price = لم أجد سعرًا. اكتبوا المبلغ بالدرهم مع الوحدة، مثلًا: 150 درهمًا للكيلوغرام.
invalid_moq = اكتبوا الكمية برقم، مثلًا: 100 قطعة أو 50 كيلوغرامًا.
expected_photo = ننتظر صورة للمنتج: أرسلوها هنا.
expected_text = أنتظر هنا جوابًا مكتوبًا.
    { $question }
photo_not_image = هذا الملف ليس صورة يمكنني قراءتها. أرسلوا صورة بصيغة JPEG أو PNG أو WebP.
photo_advice = وصلت الصورة، لكن يمكن أن تكون أفضل:
    { $tips }
    يمكنكم استبدالها أو الاحتفاظ بها كما هي.
advice_dark = • الصورة مظلمة: التقطوها قرب نافذة أو في ضوء النهار
advice_bright = • الصورة فاتحة جدًا: تجنّبوا الشمس المباشرة أو الفلاش
advice_blurry = • الصورة غير واضحة: ثبّتوا الهاتف، والمسوا المنتج على الشاشة لضبط التركيز
advice_too_small = • الصورة صغيرة: اقتربوا من المنتج
advice_duplicate = • تشبه كثيرًا صورة أرسلتموها من قبل: أرونا زاوية أخرى
advice_send_as_file = • نصيحة: أرسلوها «كملف» حتى لا يضغطها تيليغرام
photo_send_another = حسنًا، أرسلوا الصورة الجديدة.
photo_too_large = هذه الصورة كبيرة جدًا (20 ميغابايت كحد أقصى). أرسلوا صورة أخف.
photo_too_many_pixels = هذه الصورة فيها عدد كبير جدًا من البكسلات. أرسلوا صورة عادية ملتقطة بالهاتف.
photo_unavailable = لم أتمكن من استلام هذه الصورة. أعيدوا إرسالها من فضلكم.
photo_too_many = الحد الأقصى { $max } صور لكل منتج؛ لم تُضف هذه الصورة.
photos_need_one = يلزم صورة واحدة على الأقل للمنتج. أرسلوا صورة.
stale_button = هذا الزر يخص سؤالًا سابقًا. هذا هو السؤال الحالي:
cannot_skip = هذا السؤال إلزامي.
cannot_go_back = لا يمكن الرجوع أكثر من هذا.
cannot_restart_submitted = أُرسل الملف بالفعل؛ لم يعد من الممكن حذفه من هنا.

## Boutons

lang_ary = الدارجة
lang_fr = Français
lang_ar = العربية
btn_yes = نعم
btn_no = لا
btn_done = انتهيت
btn_skip = تخطي
btn_back = رجوع
btn_submit = إرسال الملف
btn_add_product = إضافة منتج
btn_edit_business = تعديل الشركة
btn_edit_product = تعديل المنتج { $number }
btn_more = خيارات أخرى…
btn_none_of_these = لا شيء مما سبق
btn_keep = الاحتفاظ بها
btn_replace = استبدالها
field_business_name = اسم الشركة
field_owner_name = اسمك
field_city = المدينة
field_sector = القطاع
field_ice = ICE
field_phone = الهاتف
field_email = البريد الإلكتروني
field_product_name = اسم المنتج
field_photos = الصور
field_description = الوصف
field_price = السعر
field_moq = الحد الأدنى للطلب
sector_argan = أركان
sector_olive_oil = زيت الزيتون
sector_food = مواد غذائية
sector_cosmetics = مستحضرات التجميل
sector_carpets = الزرابي
sector_textiles = النسيج
sector_leather = الجلد
sector_zellige = الزليج
sector_pottery = الفخار
sector_wood_metal = الخشب والمعادن
sector_other = أخرى
unit_piece = قطعة
unit_kg = كيلوغرام
unit_g = غرام
unit_ton = طن
unit_l = لتر
unit_ml = مليلتر
unit_m = متر
unit_m2 = متر مربع
unit_box = علبة
unit_carton = كرتونة
unit_bottle = قنينة
unit_set = مجموعة
unit_dozen = دزينة
unit_pair = زوج

## Mots acceptés à la place des boutons

words_yes = نعم, نعم أوافق, موافق, موافقة, أوافق, حسنا, حسنًا, أجل, بلى, طبعا, طبعًا, بالتأكيد, أكيد, صحيح, تمام, لا مانع, نوافق, موافقون, موافقين
words_no = لا, كلا, لا شكرا, لا أوافق, غير موافق, لست موافقا, ليس الآن, لا أريد
words_done = انتهيت, تم, انتهى, لقد انتهيت, هذا كل شيء, التالي, اكتمل, أنهيت
words_submit = أرسل, ارسل, إرسال, أرسل الملف, إرسال الملف, أرسله, تأكيد, أكد, تأكيد الإرسال
words_help = مساعدة, المساعدة, ساعدني, أحتاج مساعدة, لم أفهم, لا أفهم, ماذا أفعل, ماذا علي أن أفعل, كيف
words_back = رجوع, الرجوع, السابق, ارجع, عودة, العودة, الخطوة السابقة, السؤال السابق
words_skip = تخطي, تخطى, تخط, تجاوز, تخطي السؤال, ليس لدي, ليس عندي, لا يوجد, لا أملك, لا أملك رقما, ليس لدي بريد, لا أملك بريدا, لا يوجد بريد, ليس لدي بريد إلكتروني
words_restart = ابدأ من جديد, البدء من جديد, إعادة البدء, ابدأ من البداية, من البداية, مسح الكل, إعادة التسجيل
words_where = أين أنا, أين وصلت, إلى أين وصلت, أين وصلنا, كم بقي, في أي مرحلة أنا
words_language = اللغة, لغة, تغيير اللغة, غير اللغة, تبديل اللغة, اختيار اللغة
words_greeting = السلام عليكم, السلام عليكم ورحمة الله, السلام عليكم ورحمة الله وبركاته, مرحبا, مرحبًا, أهلا, أهلا وسهلا, صباح الخير, مساء الخير, تحية طيبة

## Web chat

ui_title = تجارة — التسجيل
ui_placeholder = اكتبوا رسالتكم…
ui_send = إرسال
ui_photo = صورة
ui_restart = محادثة جديدة
ui_error = لم تُرسل الرسالة. تحقّقوا من الاتصال وحاولوا مرة أخرى.
ui_noscript = تحتاج هذه الصفحة إلى JavaScript.

## ما لاحظته القناة

notice_edited = لاحظت أنكم عدّلتم رسالة. لا يمكنني اعتماد التعديل: أرسلوا الجواب الصحيح في رسالة جديدة.
notice_file_too_large = هذا الملف كبير جدًا (20 ميغابايت كحد أقصى). أرسلوا صورة أخف.
notice_contact_not_yours = جهة الاتصال هذه ليست رقمكم. شاركوا رقمكم، أو اكتبوه.
notice_unsupported = لا أستطيع قراءة هذا النوع من الرسائل. أجيبوا كتابةً أو بصورة.
notice_agent_linked = تم ربط هذه المحادثة بحسابكم كوكيل. الشركات التي تبدأ برابطكم تُنسب إليكم.
notice_referral_invalid = هذا الرابط لم يعد صالحًا؛ لا بأس، يمكننا البدء على أي حال.

## بعد الإرسال: القرارات والتذكير

decision_changes_requested = راجع فريقنا ملفكم. هناك بعض النقاط للتصحيح:
    { $items }
    { $note }
    لنبدأ، نقطة بنقطة.
fix_item = • { $field }: { $reason }
fix_product_field = المنتج { $number }، { $field }
decision_approved = خبر سار: قُبل ملف « { $business_name } »! ننشئ صفحتكم على المنصة وسنرسل لكم الرابط فور نشرها.
decision_rejected = نأسف: لم يُقبل ملفكم بصيغته الحالية. الأسباب:
    { $reasons }
    { $note }
    ماذا بعد؟ يمكنكم تصحيح ما يلزم ثم إعادة إرساله: اختاروا « تعديل وإعادة الإرسال ». وللتحدث مع أحد أعضاء الفريق، اكتبوا « مساعدة ».
decision_live = صفحتكم منشورة الآن على المنصة! هذا رابطها: { $url }
reminder = مرحبًا! تسجيل « { $business_name } » لم يكتمل بعد. هل نتابع من حيث توقفتم؟
reason_photo_dark = الصورة مظلمة جدًا؛ أعيدوا التقاطها في ضوء النهار
reason_photo_blurry = الصورة غير واضحة؛ ثبّتوا الهاتف جيدًا
reason_photo_small = الصورة صغيرة جدًا؛ اقتربوا من المنتج
reason_photo_missing = تنقص صورة للمنتج
reason_price_unit = السعر لا يذكر الوحدة (كيلوغرام، لتر، قطعة…)
reason_price_unclear = السعر غير واضح
reason_moq_unclear = الحد الأدنى للطلب غير واضح
reason_ice_invalid = رقم ICE غير صحيح
reason_description_short = الوصف قصير جدًا
reason_name_unclear = الاسم غير واضح
reason_city_unclear = المدينة غير واضحة
reason_other = يحتاج إلى مراجعة

## مرافقة الوكيل

assist_ask_language = بأي لغة يتحدث صاحب المشروع؟ سيصله ملفه بهذه اللغة.
assist_sent = أُرسل إلى صاحب المشروع ({ $phone }) ✅ سيصله الملف كاملًا، وعليه أن يؤكده ليُرسل إلى فريق تجارة؛ سنخبركم هنا عندما يفعل.
    إذا لم تصله الرسالة، اطلبوا منه أن يكتب «السلام» لتجارة على واتساب: ستصله بعدها مباشرة.
    اكتبوا «القائمة» للرجوع إلى قائمتكم.
assist_waiting_owner = هذا الملف ينتظر جواب صاحب المشروع على { $phone }. يمكنكم إعادة إرساله أو تصحيح شيء ما.
owner_confirm = مرحبًا! أعدّ معكم وكيل من تجارة صفحة «{ $business_name }»:
    👤 { $owner_name }
    📍 { $city } ({ $region })
    🏷️ { $sector }
    🆔 رقم ICE: { $ice }
    📞 { $phone }
    ✉️ { $email }
    { $products }
    لا يطّلع على هذه المعلومات إلا فريق تجارة ووكيلكم، ثم المنصة بعد قبول الملف؛ ويمكنكم تصحيحها أو حذفها (القانون رقم 09.08).
    هل كل شيء صحيح؟ هل نرسله؟
owner_confirm_declined = حسنًا، لم يُرسل شيء. إذا غيّرتم رأيكم، أجيبوا «نعم».
btn_confirm_send = نعم، إرسال
btn_change = تصحيح
btn_resend = إعادة الإرسال

## قائمة الوكيل

agent_menu = قائمة الوكيل: ماذا تريدون أن تفعلوا؟
btn_agent_new = صاحب مشروع جديد
btn_agent_list = مشاريعي
btn_agent_link = رابطي ورمز QR
btn_agent_menu = القائمة
agent_ask_phone = ما رقم واتساب صاحب المشروع؟ (مثال: 0612345678) على هذا الهاتف سيؤكد.
agent_phone_invalid = لم أستطع قراءة هذا الرقم. اكتبوا رقم الهاتف المحمول لصاحب المشروع، مثل 0612345678.
agent_phone_landline = هذا رقم ثابت: صاحب المشروع يؤكد على واتساب، فأحتاج رقمه المحمول (06… أو 07…).
agent_phone_own = هذا رقمكم. اكتبوا رقم صاحب المشروع.
agent_phone_taken = للرقم { $phone } محادثة في تجارة ليست لكم. اطلبوا من صاحب المشروع أن يكمل من هاتفه، أو أن يمسح رمز QR الخاص بكم.
agent_list = مشاريعكم:
    { $lines }{ $more ->
        [0] {""}
       *[other] {"\u000A"}… و{ $more } أخرى في صفحات الويب.
    }
    أرسلوا رقمًا لفتح أحدها.
agent_list_line = { $number }. { $name } — { $status }
agent_list_empty = ليس لديكم أي مشروع بعد. ابدؤوا بـ«صاحب مشروع جديد»، أو شاركوا رابطكم.
agent_status_draft = قيد الإعداد
agent_status_waiting_owner = ينتظر موافقة صاحبه
agent_status_submitted = قيد المراجعة
agent_status_changes_requested = طُلبت تصحيحات
agent_status_approved = مقبول
agent_status_exported = مقبول
agent_status_rejected = مرفوض
agent_status_live = منشور على المنصة
agent_status_handoff_failed = مقبول، الصفحة متوقفة
agent_opened_new = صاحب مشروع جديد: { $phone }. أجيبوا عن الأسئلة نيابة عنه؛ اكتبوا «القائمة» في أي وقت للرجوع إلى قائمتكم.
agent_opened = فُتح: { $name }. اكتبوا «القائمة» للرجوع إلى قائمتكم.
agent_referral = رابطكم الشخصي: { $link }
    أصحاب المشاريع الذين يبدؤون بهذا الرابط يُنسبون إليكم.{ $also_web ->
        [0] {""}
       *[other] {" "}على الويب: { $web }
    }
    رمز QR لتعرضوه في رواقكم مرفق.
words_menu = القائمة, قائمة, المنيو, منيو, menu, /menu
agent_owner_confirmed = ✅ وافق صاحب المشروع: «{ $name }» أُرسل للمراجعة.
owner_confirm_short = مرحبًا! أعدّ وكيل تجارة ملفكم: تجدونه في الرسالة السابقة مباشرة. هل كل شيء صحيح، وهل توافقون على إرساله؟
place_name = { $ar }
greeting_hello = مرحبًا 👋
owner_agent_busy = وكيل تجارة يملأ ملفكم معكم الآن. عندما ينتهي، سيصلكم هنا الملف كاملًا لتتحققوا منه.
owner_joined = مرحبًا! بدأ وكيل من تجارة ملفكم معكم. لنكمل معًا:
assist_owner_busy = صاحب المشروع يجيب بنفسه الآن: سنترك له هذا الملف حاليًا. أعيدوا المحاولة بعد 20 دقيقة إن لزم.
assist_submitted = أُرسل «{ $business_name }»: تتابعون حالته في «مشاريعي». اكتبوا «القائمة» للرجوع إلى قائمتكم.
agent_owner_declined = لم يرغب صاحب «{ $name }» في إرساله حاليًا. لم يُرسل شيء للمراجعة.
agent_ask_language = بأي لغة تريدون قائمتكم؟
agent_help = قائمة الوكيل:
    • «صاحب مشروع جديد»: تملؤون الملف معه، ثم يؤكده على واتساب الخاص به.
    • «مشاريعي»: حالتها؛ ورقم يعيد فتح أحدها.
    • «رابطي ورمز QR»: ما ينسب إليكم أصحاب المشاريع الذين يسجلون بأنفسهم.
    اكتبوا «القائمة» في أي وقت للرجوع هنا.

## Ce que les gens écrivent pour un choix

words_lang_ary = الدارجة, بالدارجة, دارجة, الدارجة المغربية, المغربية
words_lang_fr = الفرنسية, بالفرنسية, فرنسية, اللغة الفرنسية
words_lang_ar = عربية, بالعربية, العربية الفصحى, الفصحى, اللغة العربية
words_sector_argan = زيت أركان, زيت الأركان, الأركان, اركان
words_sector_olive_oil = الزيتون, زيتون, زيت زيتون
words_sector_food = أغذية, الأغذية, عسل, تمر, توابل
words_sector_cosmetics = تجميل, التجميل, صابون, مستحضرات
words_sector_carpets = زرابي, زربية, سجاد, السجاد
words_sector_textiles = نسيج, خياطة, الخياطة, ملابس, قفطان, جلابة, طرز
words_sector_leather = جلد, جلود, الجلود, بلغة
words_sector_zellige = زليج, فسيفساء
words_sector_pottery = فخار, خزف, الخزف, طاجين
words_sector_wood_metal = خشب, معادن, نحاس, حديد
words_agent_new = جديد, مشروع جديد, صاحب مشروع جديد
words_agent_list = مشاريع, المشاريع, لائحة, اللائحة
words_agent_link = رابط, الرابط, رابطي, كود QR
btn_photos_clear = استبدال كل الصور
photos_cleared = تم: حُذفت الصور السابقة. أرسلوا الصور الجديدة.
status_approved = قُبل ملف «{ $business_name }» ✅ نُعدّ صفحتكم على المنصة وسنرسل لكم رابطها هنا فور نشرها.
status_rejected = لم يُقبل ملف «{ $business_name }» بصيغته الحالية. الأسباب:
    { $reasons }
    { $note }
    يمكنكم تصحيحه وإعادة إرساله (« تعديل وإعادة الإرسال »)، أو كتابة « مساعدة » للتحدث مع أحد أعضاء الفريق.
status_live = صفحة «{ $business_name }» منشورة على المنصة: { $url }
city_not_a_place = «{ $typed }» ليس اسم مدينة. في أي مدينة أو قرية توجد شركتكم؟
assist_help = أنتم تجيبون نيابة عن صاحب المشروع؛ اكتبوا «القائمة» للرجوع إلى قائمة الوكيل.

## الدورة الأولى، والأجوبة، والتصحيحات (دون إضاعة دورة)

welcome_found = مرحبًا بكم في تجارة! 👋
    نساعدكم على تسجيل شركتكم ومنتجاتكم في منصة التصدير.
    سنتابع بالعربية؛ لاختيار لغة أخرى، اختاروا « لغة أخرى ».
language_found = حسنًا، سنتابع بالعربية. لاختيار لغة أخرى، اختاروا « لغة أخرى ».
language_hint = ختارو اللغة من التحت 👇
    اختاروا اللغة من الأسفل 👇
    ⁦Choisissez votre langue ci-dessous 👇⁩
btn_other_language = لغة أخرى
ask_moq_unit = { $amount } من ماذا؟ اختاروا الوحدة: قطع، كيلوغرامات، لترات…
review_changed = ✅ عُدّل « { $field } ». هل نرسل الملف، أم تريدون مراجعة الملخص؟
btn_show_summary = عرض الملخص
photo_replaced = { $kept ->
    [0] تم: حلّت الصورة الجديدة محل القديمة.
    [1] تم: حلّت الصورة الجديدة محل الصورة التي تحتاج إلى تحسين، واحتفظنا بالصورة الأخرى.
   *[other] تم: حلّت الصورة الجديدة محل الصورة التي تحتاج إلى تحسين، واحتفظنا بباقي الصور ({ $kept }).
}
photo_which = شكرًا! أي صورة تحلّ محلها هذه الصورة الجديدة؟ الصور مرقّمة بترتيب إرسالها. ويمكنكم أيضًا الاحتفاظ بها كلها.
btn_photo_number = الصورة { $number }
btn_keep_all = الاحتفاظ بالكل
photo_fix = أرسلوا الصورة الجديدة لـ« { $product } »: ستحلّ محل الصورة التي أشار إليها الفريق. { $count ->
    [1] نحتفظ بصورتكم الحالية إلى أن تصل الجديدة.
   *[other] نحتفظ بصوركم الحالية ({ $count }) إلى أن تصل الجديدة.
}
ui_restart_confirm = هل تريدون مسح هذه المحادثة والبدء من جديد؟
ui_restart_yes = نعم، من جديد
ui_cancel = إلغاء
