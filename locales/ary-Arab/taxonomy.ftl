## taxonomy: after a product is described, how ready it is for buyers (flows.readiness)
readiness_tip = ⭐ الفيش ديال هاد المنتوج واجدة ب { $score }% للشراية. باش ترجع حسن: { $next }.
readiness_tip_done = ⭐ الفيش كاملة للشراية (100%).
readiness_next_photos = تصاور ({ $count } فالمجموع، من بزاف ديال الجيهات)
readiness_next_price = الثمن
readiness_next_moq = أقل كوموند
readiness_next_description = شي وصف
readiness_next_type = قول لينا آش هو هاد المنتوج بالضبط
readiness_next_attr_size = القياس (بحال 200 x 150 سم)
readiness_next_attr_volume = الحجم (بحال 250 مل، 1 لتر)
readiness_next_attr_weight = الوزن (بحال 500 غرام)
readiness_next_attr_material = منين مصنوع
readiness_next_attr_colour = اللون
readiness_next_attr_certification = الشهادات ديالك (بيو، أونسا…)
readiness_next_attr_finish = التشطيب (ملمع، منقوش…)
readiness_next_attr_pattern = الرشمة
