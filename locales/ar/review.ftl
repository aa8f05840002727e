## review — أسباب المراجعة الجاهزة (flows/reasons.py)، وكلمة المراجِع

review_point = • { $reason }
review_note = كلمة من راجع ملفكم، كما كتبها: « { $note } »
btn_revise = تعديل وإعادة الإرسال
review_reason_photo_quality = إحدى الصور مظلمة أو غير واضحة؛ أعيدوا التقاطها في ضوء النهار مع تثبيت الهاتف جيدًا
review_reason_photo_not_product = الصور لا تُظهر المنتج نفسه بوضوح
review_reason_price_unclear = السعر غير واضح أو غير مذكور
review_reason_moq_unclear = الحد الأدنى للطلب غير واضح
review_reason_description_short = الوصف غير موجود أو قصير جدًا
review_reason_product_name_unclear = اسم المنتج غير واضح
review_reason_ice_invalid = رقم ICE غير صحيح (15 رقمًا، تجدونه في فواتيركم)
review_reason_business_incomplete = ينقص اسم الشركة أو المدينة
review_reason_phone_unreachable = لم نتمكن من الاتصال بكم على الرقم المُعطى
review_reason_product_not_allowed = لا يمكن بيع هذا المنتج على المنصة
review_reason_duplicate = وصلنا هذا الملف من قبل
