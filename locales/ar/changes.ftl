## Changes after sending (flows/changes.py): the menu, each change in one line, the new
## revision sent for review, and how long a review usually takes (REVIEW_TIME_HINT).

btn_change_menu = تعديل
btn_change_price = سعر
btn_change_photos = صور
btn_change_description = وصف
btn_change_moq = الحد الأدنى للطلب
btn_change_add_product = إضافة منتج آخر
btn_change_remove_product = حذف منتج
btn_change_none = لا شيء، شكرًا
btn_send_changes = إرسال التعديلات
btn_photo_replace = استبدال صورة
btn_photo_add = إضافة صور
btn_photo_remove = حذف صورة

change_menu = ماذا تريدون أن تعدّلوا؟ يراجع فريقنا كل تعديل قبل أن يصل إلى صفحتكم على المنصة، ولا يتغير شيء قبل ذلك.
change_which_product = { $change }: لأي منتج؟
change_photos = لـ« { $product } » { $count ->
        [one] صورة واحدة
        [two] صورتان
        [few] { $count } صور
       *[other] { $count } صورة
    }. هل تريدون استبدال صورة، أم إضافة صور، أم حذف صورة؟
change_photo_which = أي صورة نحذف؟ الصور مرقّمة بترتيب إرسالها.
change_last_product = تحتفظ صفحتكم بمنتج واحد على الأقل: أضيفوا منتجًا آخر قبل حذف هذا.
change_last_photo = يحتفظ كل منتج بصورة واحدة على الأقل: يمكنكم استبدالها بصورة أفضل.
change_nothing = حسنًا، لم يتغير شيء. اكتبوا « تعديل » متى شئتم.
change_done_field = ✅ عُدّل { $field } للمنتج { $number }. هل تريدون تعديل شيء آخر، أم نرسل التعديلات؟
change_done_added = ✅ أُضيف المنتج { $number } « { $product } ». هل تريدون تعديل شيء آخر، أم نرسل التعديلات؟
change_done_removed = ✅ حُذف « { $product } ». هل تريدون تعديل شيء آخر، أم نرسل التعديلات؟
change_incomplete = ما زال المنتج { $number } ينقصه « { $field } »:
changes_sent = ✅ أُرسلت تعديلاتكم. سيراجعها فريقنا، ثم نضيفها إلى صفحتكم.
    { $time }
changes_sent_live = ✅ أُرسلت تعديلاتكم. سيراجعها فريقنا، ثم نضيفها إلى صفحتكم. وإلى ذلك الحين، تبقى صفحتكم منشورة كما هي.
    { $time }
changes_under_review = تعديلات « { $business_name } » قيد المراجعة.
    { $time }
changes_under_review_live = تعديلات « { $business_name } » قيد المراجعة. تبقى صفحتكم منشورة كما كانت: { $url }
    { $time }
review_time_hours = تستغرق المراجعة عادةً { $count ->
        [one] ساعة واحدة
        [two] ساعتين
        [few] { $count } ساعات
       *[other] { $count } ساعة
    }. سنكتب لكم هنا فور انتهائها.
review_time_working_days = تستغرق المراجعة عادةً { $count ->
        [one] يوم عمل واحد
        [two] يومَي عمل
        [few] { $count } أيام عمل
       *[other] { $count } يوم عمل
    }. سنكتب لكم هنا فور انتهائها.
review_time_days = تستغرق المراجعة عادةً { $count ->
        [one] يومًا واحدًا
        [two] يومين
        [few] { $count } أيام
       *[other] { $count } يومًا
    }. سنكتب لكم هنا فور انتهائها.
review_time_unknown = سنكتب لكم هنا فور انتهاء المراجعة.
decision_changes_approved = خبر سار: قُبلت تعديلات « { $business_name } »! نحدّث صفحتكم على المنصة وسنكتب لكم فور الانتهاء.
decision_updated = صفحتكم محدّثة الآن بتعديلاتكم: { $url }
change_reminder = مرحبًا! لم تُرسل بعد تعديلات « { $business_name } »: تبقى صفحتكم كما كانت حتى تُرسل وتُقبل.

words_change = تعديل, أريد تعديل, أريد التعديل, عدل, تغيير, أريد تغيير, تعديل الملف, تعديل شيء
words_change_price = تعديل السعر, تغيير السعر, أريد تعديل السعر, أريد تغيير السعر, سعر جديد, السعر
words_change_photos = تغيير الصورة, تغيير الصور, تعديل الصور, أريد تغيير الصور, صورة جديدة, إضافة صورة, حذف صورة, استبدال صورة, الصور
words_change_description = تعديل الوصف, تغيير الوصف, وصف جديد, الوصف
words_change_moq = تعديل الحد الأدنى للطلب, تغيير الحد الأدنى, الحد الأدنى للطلب, الكمية الدنيا
words_change_add_product = إضافة منتج, أضف منتج, أريد إضافة منتج, منتج جديد, منتج آخر
words_change_remove_product = حذف منتج, احذف منتج, أريد حذف منتج, إزالة منتج
