## review — الأسباب الواجدة ديال المراجعة (flows/reasons.py)، والكلام ديال اللي راجع

review_point = • { $reason }
review_note = الكلام ديال اللي راجع الملف ديالكم، كيف كتبو: « { $note } »
btn_revise = نصلح ونعاود نصيفط
review_reason_photo_quality = شي تصويرة مظلمة ولا ما واضحاش؛ عاودوها ف الضو ديال النهار وشدو التيليفون مزيان
review_reason_photo_not_product = التصاور ما كيبانش فيهم المنتوج مزيان
review_reason_price_unclear = الثمن ماشي واضح، ولا ما كاينش
review_reason_moq_unclear = أقل كمية ف الطلبية ماشي واضحة
review_reason_description_short = الوصف ما كاينش، ولا قصير بزاف
review_reason_product_name_unclear = سمية المنتوج ماشي واضحة
review_reason_ice_invalid = الـICE ماشي صحيح (فيه 15 رقم، كتلقاوه ف الفاكتورة)
review_reason_business_incomplete = ناقصة سمية الشركة ولا المدينة
review_reason_phone_unreachable = ما قدرناش نتاصلو بيكم ف النمرة اللي عطيتونا
review_reason_product_not_allowed = هاد المنتوج ما يمكنش يتباع ف المنصة
review_reason_duplicate = هاد الملف وصلنا قبل من دابا
