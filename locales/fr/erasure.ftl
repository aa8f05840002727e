## erasure: "supprimer mes données" (flows/erasure.py), the retention notice
erase_confirm = Vous demandez la suppression de toutes vos données. Nous effacerons : votre entreprise, vos coordonnées (nom, téléphone, e-mail, ICE), vos produits, leurs photos et vos messages vocaux, notre conversation et votre dossier.{ $storefront ->
        [1] {" "}Votre vitrine sur la place de marché sera retirée.
       *[0] {""}
    }
    C'est définitif : rien ne pourra être récupéré. Confirmez-vous la suppression ?
btn_erase_yes = Oui, tout supprimer
btn_erase_no = Non, garder
erase_done = C'est fait : toutes vos données ont été supprimées. Ceci est notre dernier message. Si vous nous écrivez à nouveau, une nouvelle inscription commencera.
erase_kept = D'accord, rien n'a été supprimé.
help_erase = Pour supprimer toutes vos données, écrivez « supprimer mes données ».
retention_notice = Votre inscription sur Tijara est en pause depuis longtemps. Sans nouvelles de votre part d'ici { $days } jours, nous supprimerons ce que vous avez saisi (loi 09-08). Pour continuer, répondez simplement à ce message.
