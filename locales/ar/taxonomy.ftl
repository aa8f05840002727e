## taxonomy: after a product is described, how ready it is for buyers (flows.readiness)
readiness_tip = ⭐ بطاقة هذا المنتج جاهزة بنسبة { $score }% للمشترين. لتحسينها: { $next }.
readiness_tip_done = ⭐ بطاقة المنتج مكتملة للمشترين (100%).
readiness_next_photos = صور ({ $count } في المجموع، من زوايا مختلفة)
readiness_next_price = الثمن
readiness_next_moq = أدنى كمية للطلب
readiness_next_description = وصف للمنتج
readiness_next_type = حدد نوع المنتج بدقة
readiness_next_attr_size = المقاسات (مثلا 200 x 150 سم)
readiness_next_attr_volume = الحجم (مثلا 250 مل، 1 لتر)
readiness_next_attr_weight = الوزن الصافي (مثلا 500 غ)
readiness_next_attr_material = المادة المصنوع منها
readiness_next_attr_colour = اللون
readiness_next_attr_certification = شهاداتك (عضوي، أونسا…)
readiness_next_attr_finish = التشطيب (مصقول، منقوش…)
readiness_next_attr_pattern = الزخرفة
