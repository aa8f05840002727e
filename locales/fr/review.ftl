## review — raisons toutes prêtes d'une relecture (flows/reasons.py), le mot du relecteur

review_point = • { $reason }
review_note = Le mot de la personne qui a relu votre dossier, tel qu'elle l'a écrit : « { $note } »
btn_revise = Modifier et renvoyer
review_reason_photo_quality = une photo est trop sombre ou floue ; reprenez-la à la lumière du jour, le téléphone bien immobile
review_reason_photo_not_product = les photos ne montrent pas bien le produit lui-même
review_reason_price_unclear = le prix n'est pas clair, ou il manque
review_reason_moq_unclear = la quantité minimum par commande n'est pas claire
review_reason_description_short = la description manque, ou elle est trop courte
review_reason_product_name_unclear = le nom du produit n'est pas clair
review_reason_ice_invalid = l'ICE n'est pas valide (15 chiffres, sur vos factures)
review_reason_business_incomplete = il manque le nom de l'entreprise ou la ville
review_reason_phone_unreachable = nous n'avons pas pu vous joindre au numéro donné
review_reason_product_not_allowed = ce produit ne peut pas être vendu sur la place de marché
review_reason_duplicate = ce dossier nous est déjà parvenu une autre fois
