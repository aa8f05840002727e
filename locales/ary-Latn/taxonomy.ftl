## taxonomy: after a product is described, how ready it is for buyers (flows.readiness)
readiness_tip = ⭐ Lfiche dyal had lproduit wajda b { $score }% l chariya. Bach tweli a7sen: { $next }.
readiness_tip_done = ⭐ Lfiche kamla l chariya (100%).
readiness_next_photos = tsawer ({ $count } f lmejmou3, mn bzaf dyal jihat)
readiness_next_price = taman
readiness_next_moq = a9al commande
readiness_next_description = chi wasf
readiness_next_type = 9oul lina ach howa had lproduit b dabt
readiness_next_attr_size = l9yas (b7al 200 x 150 cm)
readiness_next_attr_volume = l7ajm (b7al 250 ml, 1 litre)
readiness_next_attr_weight = lwazn (b7al 500 g)
readiness_next_attr_material = mnin msnou3
readiness_next_attr_colour = llon
readiness_next_attr_certification = les certificats dyalek (bio, ONSSA…)
readiness_next_attr_finish = ttachtib (mlemma3, man9ouch…)
readiness_next_attr_pattern = rrchma
