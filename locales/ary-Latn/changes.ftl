## Changes after sending (flows/changes.py): the menu, each change in one line, the new
## revision sent for review, and how long a review usually takes (REVIEW_TIME_HINT).

btn_change_menu = Nbeddel chi 7aja
btn_change_price = Taman
btn_change_photos = Tsawer
btn_change_description = L wasf
btn_change_moq = A9al kamiya
btn_change_add_product = Nzid mantoj akhor
btn_change_remove_product = N7iyed mantoj
btn_change_none = Walo, choukran
btn_send_changes = Nsift tabdilat
btn_photo_replace = Nbeddel wa7da
btn_photo_add = Nzid tsawer
btn_photo_remove = N7iyed wa7da

change_menu = Chno bghitiw tbeddlo? L equipe dyalna katchof kol tabdil 9bel ma ywsel l l page dyalkom f l plateforme; 7ta l dak sa3a ma kaytbeddel walo.
change_which_product = { $change }: dyal ina mantoj?
change_photos = « { $product } » 3ndo { $count ->
        [one] tswira wa7da
       *[other] { $count } tsawer
    }. Bghitiw tbeddlo wa7da, tzido, wla t7iydo wa7da?
change_photo_which = Ina tswira n7iydo? Tsawer mr9min b tartib li siftitohom bih.
change_last_product = L page dyalkom khassha tb9a fiha 3la l a9al mantoj wa7ed: zido wa7ed akhor 9bel ma t7iydo hada.
change_last_photo = Kol mantoj khasso tb9a 3ndo 3la l a9al tswira wa7da: ymken tbeddloha b wa7da 7sen.
change_nothing = Wakha, ma tbeddel walo. Ktbo « nbeddel » fo9ach ma bghitiw.
change_done_field = ✅ { $field } dyal l mantoj { $number }: tbeddel. Chi 7aja khra tbeddloha, wla nsifto tabdilat?
change_done_added = ✅ Tzad l mantoj { $number } « { $product } ». Chi 7aja khra tbeddloha, wla nsifto tabdilat?
change_done_removed = ✅ T7iyed « { $product } ». Chi 7aja khra tbeddloha, wla nsifto tabdilat?
change_incomplete = Ba9i khass « { $field } » f l mantoj { $number }:
changes_sent = ✅ Tabdilat dyalkom tsifto. L equipe dyalna ghadi tchofhom, mn b3d nzidouhom f l page dyalkom.
    { $time }
changes_sent_live = ✅ Tabdilat dyalkom tsifto. L equipe dyalna ghadi tchofhom, mn b3d nzidouhom f l page dyalkom. 7ta l dak sa3a, l page dyalkom b9a tal3a kima hiya.
    { $time }
changes_under_review = Tabdilat dyal « { $business_name } » f l mouraja3a daba.
    { $time }
changes_under_review_live = Tabdilat dyal « { $business_name } » f l mouraja3a daba. L page dyalkom b9a tal3a kima kant: { $url }
    { $time }
review_time_hours = L mouraja3a katakhod 3adatan { $count ->
        [one] sa3a
        [2] sa3tayn
       *[other] { $count } sa3at
    }. Ghadi nktbo likom hna mli tsali.
review_time_working_days = L mouraja3a katakhod 3adatan { $count ->
        [one] nhar dyal l khedma
        [2] jouj iyam dyal l khedma
       *[other] { $count } iyam dyal l khedma
    }. Ghadi nktbo likom hna mli tsali.
review_time_days = L mouraja3a katakhod 3adatan { $count ->
        [one] nhar
        [2] jouj iyam
       *[other] { $count } iyam
    }. Ghadi nktbo likom hna mli tsali.
review_time_unknown = Ghadi nktbo likom hna mli tsali l mouraja3a.
decision_changes_approved = Khbar zwina: tabdilat dyal « { $business_name } » t9eblo! Kanbeddlo l page dyalkom f l plateforme w ghadi nktbo likom mli tkon wajda.
decision_updated = L page dyalkom fiha daba tabdilat dyalkom: { $url }
change_reminder = Salam! Tabdilat dyal « { $business_name } » ba9i ma tsiftoch: l page dyalkom ghadi tb9a kima kant 7ta tsifto w yt9eblo.

words_change = nbeddel, nbdl, nbedel, nbddel, bghit nbeddel, bghit nbdl, bghit nbedel, bghit nbddel, tbdil, tabdil, nbeddel chi 7aja, bghit nbeddel chi 7aja, bghit nsl7, nsl7 chi 7aja, modifier
words_change_price = bghit nbdl lprix, bghit nbeddel lprix, bghit nbdl taman, bghit nbeddel taman, nbdl lprix, nbeddel lprix, nbdl taman, nbeddel taman, nbeddel l prix, bghit nbeddel l prix, lprix, taman, tbdil taman, tbdil lprix, prix jdid, taman jdid
words_change_photos = nbeddel tswira, nbdl tswira, nbeddel tsawer, nbdl tsawer, bghit nbeddel tswira, bghit nbdl tswira, bghit nbeddel tsawer, tswira jdida, tsawer jdad, nzid tswira, nzid tsawer, n7iyed tswira, tsawer, tswira
words_change_description = nbeddel l wasf, nbdl l wasf, bghit nbeddel l wasf, wasf jdid, l wasf, nbeddel description
words_change_moq = nbeddel l kamiya, nbdl l kamiya, bghit nbeddel l kamiya, a9al kamiya, l kamiya, nbeddel l minimum
words_change_add_product = zid produit, nzid produit, bghit nzid produit, zid mantoj, nzid mantoj, bghit nzid mantoj, mantoj jdid, produit jdid, nzid mantoj akhor, zid wa7ed akhor
words_change_remove_product = 7iyed produit, n7iyed produit, bghit n7iyed produit, 7iyed mantoj, n7iyed mantoj, bghit n7iyed mantoj, ms7 mantoj, nms7 mantoj, ms7 produit
