## taxonomy: after a product is described, how ready it is for buyers (flows.readiness)
readiness_tip = ⭐ Fiche prête à { $score } % pour les acheteurs. Pour l'améliorer : { $next }.
readiness_tip_done = ⭐ Fiche complète pour les acheteurs (100 %).
readiness_next_photos = des photos ({ $count } en tout, sous plusieurs angles)
readiness_next_price = le prix
readiness_next_moq = la commande minimum
readiness_next_description = une description
readiness_next_type = dites quel produit c'est exactement
readiness_next_attr_size = les dimensions (ex. 200 x 150 cm)
readiness_next_attr_volume = le volume (ex. 250 ml, 1 L)
readiness_next_attr_weight = le poids net (ex. 500 g)
readiness_next_attr_material = la matière
readiness_next_attr_colour = la couleur
readiness_next_attr_certification = vos certifications (bio, ONSSA…)
readiness_next_attr_finish = la finition
readiness_next_attr_pattern = le motif
