## review — l asbab wajdin dyal l mouraja3a (flows/reasons.py), w l kalam dyal li raja3

review_point = • { $reason }
review_note = L kalam dyal li raja3 l malaf dyalkom, kima ktbo: « { $note } »
btn_revise = Nsl7 w n3awd nsift
review_reason_photo_quality = chi tswira mdalma wla ma wad7ach; 3awdoha f dow dyal nhar w cheddo tilifon mzyan
review_reason_photo_not_product = tsawer ma kaybanch fihom l mantoj mzyan
review_reason_price_unclear = taman machi wad7, wla ma kaynch
review_reason_moq_unclear = a9al kamiya f l commande machi wad7a
review_reason_description_short = l wasf ma kaynch, wla 9sir bzaf
review_reason_product_name_unclear = smiya dyal l mantoj machi wad7a
review_reason_ice_invalid = l ICE machi s7i7 (fih 15 ra9m, katl9awh f l facture)
review_reason_business_incomplete = na9sa smiya dyal charika wla l mdina
review_reason_phone_unreachable = ma 9dernach nttasslo bikom f nmra li 3titona
review_reason_product_not_allowed = had l mantoj ma ymkench ytba3 f l plateforme
review_reason_duplicate = had l malaf wslna 9bel mn daba
